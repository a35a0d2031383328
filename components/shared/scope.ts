import * as pulumi from "@pulumi/pulumi";

/**
 * What a component's builder helpers need: the component as parent, naming, account, protection.
 * The data, edge and governance components pass one to the shared builders (secure bucket,
 * encrypted log group) and to their own helpers.
 */
export interface ComponentScope {
  /** Logical name of the component; children are named `<name>-<part>`. */
  name: string;
  parent: pulumi.Resource;
  region: string;
  accountId: pulumi.Input<string>;
  namePrefix: string;
  protect: boolean;
}

/** The scope of a component's children; protected unless the stack turns `protect` off. */
export function scopeOf(
  name: string,
  parent: pulumi.Resource,
  args: Pick<ComponentScope, "region" | "accountId" | "namePrefix"> & { protect?: boolean },
): ComponentScope {
  return {
    name,
    parent,
    region: args.region,
    accountId: args.accountId,
    namePrefix: args.namePrefix,
    protect: args.protect ?? true,
  };
}

/** Options for a child that holds state: parented, protected unless configured off. */
export function stateful(
  scope: ComponentScope,
  extra: pulumi.CustomResourceOptions = {},
): pulumi.CustomResourceOptions {
  return { parent: scope.parent, protect: scope.protect, ...extra };
}
