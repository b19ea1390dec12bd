/** What each scope lets an app do, in the words the consent page and Settings use. */
export const scopeSentences: Record<string, string> = {
  read: 'Read your prompts, collections, skills, connections and conversations.',
  write: 'Create, change and delete your prompts, collections, skills and tags.',
  execute: 'Run your connections’ tools and use your model providers, which may cost you money.',
};

/** The scopes asked for that Promptmark knows; none asked means all of them (as the server grants). */
export function askedScopes(scope: string | null): string[] {
  const asked = (scope ?? '').split(' ').filter((s) => s in scopeSentences);
  return asked.length > 0 ? asked : Object.keys(scopeSentences);
}
