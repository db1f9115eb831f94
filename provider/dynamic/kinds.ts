/** The resource types of this package; each becomes `pulumi-nodejs:dynamic/ucaas:<Kind>`. */
export const resourceKinds = ["MasergyUser", "PbxRole", "PbxUser", "UmpEndpoint", "TeamsEnterpriseUser", "PbxGroup"] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** The `module` argument of `pulumi.dynamic.Resource`, giving type tokens `pulumi-nodejs:dynamic/ucaas:<Kind>`. */
export const typeModule = "ucaas";

export function typeToken(kind: ResourceKind): string {
    return `pulumi-nodejs:dynamic/${typeModule}:${kind}`;
}

/** The kind of a type token of this package (`pulumi-nodejs:dynamic/ucaas:PbxUser` -> `PbxUser`), else undefined. */
export function kindOfType(type: string): ResourceKind | undefined {
    return resourceKinds.find((kind) => typeToken(kind) === type);
}
