/** PortSIP users for the rosters of engine tests: an entry's YAML, and the stack secrets it references. */

/** A `pbx.users` entry (list item, indented for `pbx:` / `users:`); its secrets are keys of `rosterPbxSecrets`. */
export const rosterPbxUser = (name: string, extension: string, role = "StandardUser") => `    - name: ${name}
      displayName: ${name[0].toUpperCase()}${name.slice(1)} Example
      email: ${name}@example.com
      role: ${role}
      extensionNumber: "${extension}"
      password: { secret: ${name}Password }
      extensionPassword: { secret: ${name}ExtensionPassword }
      voicemailPin: { secret: ${name}VoicemailPin }
`;

/** A valid value for every secret `rosterPbxUser` references, for alice, bob and carol. */
export const rosterPbxSecrets: Record<string, string> = Object.fromEntries(
    ["alice", "bob", "carol"].flatMap((name, i) => [
        [`${name}Password`, `${name}-Plaintext-${i}`],
        [`${name}ExtensionPassword`, `${name}-Ext-Plaintext-${i}`],
        [`${name}VoicemailPin`, ["246813", "864213", "975319"][i]],
    ]),
);
