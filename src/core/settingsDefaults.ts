/** The default of every `constellation.*` setting, defined once (package.json must agree: a unit test checks). */
import { DEFAULT_WINDOW_DAYS } from './communities/reportInputs';
import { DEFAULT_DIRECTORY_PATH } from './directory/directoryConfig';
import { defaultExpertModelOptions } from './experts/ranking';
import { DEFAULT_MARKER_KEYWORD } from './patterns/markers';

const model = defaultExpertModelOptions(0);

export const SETTING_DEFAULTS = {
  'experts.enableHover': true,
  'experts.hoverCount': 3,
  'experts.crossTeamFirst': true,
  'experts.halfLifeDays': model.halfLifeDays,
  'experts.formerAfterDays': model.formerAfterDays,
  'experts.backoffMinChanges': model.backoffMinChanges,
  'experts.extraBots': [] as string[],
  'directory.path': DEFAULT_DIRECTORY_PATH,
  'directory.refreshMinutes': 60,
  'patterns.libraries': [] as string[],
  'patterns.markerKeyword': DEFAULT_MARKER_KEYWORD,
  'patterns.codeLens': true,
  'patterns.allowImagesFrom': [] as string[],
  'github.enterpriseUri': '',
  'github.apiUrl': '',
  'threads.refreshMinutes': 5,
  'hub.repository': '',
  'hub.refreshMinutes': 30,
  'communities.windowDays': DEFAULT_WINDOW_DAYS,
};

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K];
