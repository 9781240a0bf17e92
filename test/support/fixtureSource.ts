/**
 * Source files of the fixture workspace, modelled as named functions so a history can rewrite
 * exact lines of one function and the resulting blame is known in advance.
 */
export interface FunctionSpec {
  name: string;
  bodyLines: number;
}

export class FixtureSourceFile {
  private readonly functions = new Map<string, string[]>();

  constructor(readonly header: string) {}

  /** Adds a function whose body lines all carry `tag` (the commit that wrote them). */
  addFunction(spec: FunctionSpec, tag: string): this {
    const body = Array.from({ length: spec.bodyLines }, (_, i) => bodyLine(spec.name, i, tag));
    this.functions.set(spec.name, [`export function ${spec.name}(input: number): number {`, ...body, `  return ${lastVar(spec.name, spec.bodyLines)};`, '}']);
    return this;
  }

  /** Rewrites body lines [from, to) of a function; only those lines change in `git blame`. */
  rewrite(name: string, from: number, to: number, tag: string): this {
    const lines = this.lines(name);
    for (let i = from; i < to; i++) lines[1 + i] = bodyLine(name, i, tag);
    return this;
  }

  lines(name: string): string[] {
    const lines = this.functions.get(name);
    if (!lines) throw new Error(`fixture function ${name} does not exist`);
    return lines;
  }

  render(): string {
    return [this.header, '', ...[...this.functions.values()].map((f) => f.join('\n') + '\n')].join('\n');
  }

  /** 1-based line span of a function in the rendered text. */
  span(name: string): { startLine: number; endLine: number; headerText: string } {
    const rendered = this.render().split('\n');
    const headerText = this.lines(name)[0];
    const index = rendered.indexOf(headerText);
    if (index < 0) throw new Error(`fixture function ${name} not rendered`);
    return { startLine: index + 1, endLine: index + this.lines(name).length, headerText };
  }
}

function bodyLine(name: string, i: number, tag: string): string {
  const previous = i === 0 ? 'input' : `${name}Step${i - 1}`;
  return `  const ${name}Step${i} = ${previous} * ${i + 2} + ${tag.length}; // ${tag}`;
}

function lastVar(name: string, bodyLines: number): string {
  return bodyLines === 0 ? 'input' : `${name}Step${bodyLines - 1}`;
}
