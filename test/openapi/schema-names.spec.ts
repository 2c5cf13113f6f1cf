import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Issue 13: @nestjs/swagger names a schema after its class, so two classes with one name silently
 * share one schema (the devices' RejectedLineDto once described POST /punches/batch). Every class
 * in src and every name given to a generated page class must be unique.
 */

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function schemaNames(files: { file: string; text: string }[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const { file, text } of files) {
    const found = [...text.matchAll(/^\s*export\s+(?:abstract\s+)?class\s+(\w+)/gm), ...text.matchAll(/\bPageDto\(\s*\w+\s*,\s*'(\w+)'\s*\)/g)];
    // `export class XPageDto extends PageDto(X, 'XPageDto')` names one schema twice in one place.
    for (const name of new Set(found.map((match) => match[1]))) names.set(name, [...(names.get(name) ?? []), file]);
  }
  return names;
}

describe('Schema names (issue 13)', () => {
  it('finds a duplicate where there is one', () => {
    const names = schemaNames([
      { file: 'a.ts', text: 'export class RejectedLineDto {}' },
      { file: 'b.ts', text: '  export class RejectedLineDto {}\nexport class PageOfThings extends PageDto(Thing, \'ThingPageDto\') {}' },
    ]);
    expect(names.get('RejectedLineDto')).toEqual(['a.ts', 'b.ts']);
    expect(names.get('ThingPageDto')).toEqual(['b.ts']);
  });

  it('no two classes in src share a name', () => {
    const root = join(process.cwd(), 'src');
    const names = schemaNames(sources(root).map((file) => ({ file: relative(root, file), text: readFileSync(file, 'utf8') })));
    const duplicates = [...names].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(duplicates).toEqual([]);
    expect(names.size).toBeGreaterThan(50);
  });
});
