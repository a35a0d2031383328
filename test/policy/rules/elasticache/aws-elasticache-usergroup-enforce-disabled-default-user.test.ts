import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-elasticache-usergroup-enforce-disabled-default-user";
const GROUP = "aws:elasticache/userGroup:UserGroup";
const USER = "aws:elasticache/user:User";
const user = (name: string, userName: string, accessString: string) =>
  res(USER, name, { userId: `shop-${name}`, userName, accessString });
const group = (
  members: string[],
  deps = true,
  userIds: unknown = members.map((m) => `shop-${m}`),
) => res(GROUP, "cache", { userGroupId: "shop", userIds }, deps ? { userIds: members } : {});
const users = (defaultAccess = "off -@all") => [
  user("default", "default", defaultAccess),
  user("cart", "shop-cart", "on ~cart:* +@read"),
];

describeRule(RULE, () => {
  it("passes a group with a disabled default user, by dependency or by id", async () => {
    expect(await messages(RULE, [...users(), group(["default", "cart"])])).to.deep.equal([]);
    expect(await messages(RULE, [...users(), group(["default", "cart"], false)])).to.deep.equal([]);
  });
  it("resolves user ids computed during a preview through the group's dependencies", async () => {
    const computed = group(["default", "cart"], true, [UNKNOWN, UNKNOWN]);
    expect(await messages(RULE, [...users(), computed])).to.deep.equal([]);
    const onlyCart = group(["cart"], true, [UNKNOWN]);
    expect(await messages(RULE, [...users(), onlyCart])).to.deep.equal([
      "cache: has no `default` user of this stack",
    ]);
  });
  it("flags a group whose default user is on", async () => {
    expect(
      await messages(RULE, [...users("on ~* +@all"), group(["default", "cart"])]),
    ).to.deep.equal(["cache: its `default` user is on (access string must start `off`)"]);
  });
  it("flags a group whose default user has no access string", async () => {
    const noAccess = [res(USER, "default", { userId: "shop-default", userName: "default" })];
    expect(await messages(RULE, [...noAccess, group(["default"])])).to.deep.equal([
      "cache: its `default` user is on (access string must start `off`)",
    ]);
  });
  it("flags a group without a default user of this stack", async () => {
    expect(await messages(RULE, [...users(), group(["cart"])])).to.deep.equal([
      "cache: has no `default` user of this stack",
    ]);
  });
});
