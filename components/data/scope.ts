import * as pulumi from "@pulumi/pulumi";

/** What every data helper needs: the component as parent, naming, account, protection. */
export interface DataScope {
  /** Logical name of the Data component; children are named `<name>-<part>`. */
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
  args: Pick<DataScope, "region" | "accountId" | "namePrefix"> & { protect?: boolean },
): DataScope {
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
  scope: DataScope,
  extra: pulumi.CustomResourceOptions = {},
): pulumi.CustomResourceOptions {
  return { parent: scope.parent, protect: scope.protect, ...extra };
}
