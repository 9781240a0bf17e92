/** Worker thread entry: parses one configuration text handed over in workerData and posts the result. */
import { parentPort, workerData } from 'worker_threads';
import { parseConfigText, type ConfigKind } from './configParse';

const { kind, text, file } = workerData as { kind: ConfigKind; text: string; file: string };
parentPort?.postMessage(parseConfigText(kind, text, file));
