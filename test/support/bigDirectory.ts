/** A generated org directory of `people` people (block style, like a hand-kept file), for tests and the benchmark. */
export function bigDirectoryYaml(people: number, teams = 200): string {
  const lines = [
    '# generated: one company, 10 business units, teams of ~100',
    'companies:',
    '  - { id: acme, name: Acme Corp, domains: [acme.example] }',
    'businessUnits:',
    ...Array.from({ length: 10 }, (_, i) => `  - { id: bu-${i}, name: Unit ${i}, company: acme }`),
    'teams:',
    ...Array.from({ length: teams }, (_, i) => `  - { id: team-${i}, name: Team ${i}, businessUnit: bu-${i % 10}, github: "@acme/team-${i}" }`),
    'people:',
  ];
  for (let i = 0; i < people; i++) {
    lines.push(`  - email: person${i}@acme.example`, `    name: Person Number ${i}`, `    github: person-${i}`, `    team: team-${i % teams}`, `    aliases: [p${i}@old.acme.example]`);
  }
  return `${lines.join('\n')}\n`;
}
