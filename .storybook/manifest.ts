/** The parts of a custom-elements manifest (schema 2.x) that Storybook reads. */
export interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: Declaration[] }[];
}

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  members?: {
    kind: string;
    name: string;
    privacy?: string;
    static?: boolean;
    attribute?: string;
  }[];
}

/**
 * Prepares the manifest for autodocs: each element's `@summary` becomes its description,
 * and its table lists only the public API (attributes, events, slots, parts, custom
 * properties); internal members and the properties mirroring attributes would only add rows.
 */
export function forStorybook(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.tagName
          ? {
              ...declaration,
              description: declaration.description || declaration.summary,
              members: declaration.members?.filter(
                (member) =>
                  (member.privacy ?? 'public') === 'public' && !member.static && !member.attribute,
              ),
            }
          : declaration,
      ),
    })),
  };
}
