/** What the services tests share: resource types and small readers of the plans. */
import { PlannedResource, StackPlan } from "../../offline/plan";

export type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const K = {
  sa: "kubernetes:core/v1:ServiceAccount",
  deployment: "kubernetes:apps/v1:Deployment",
  service: "kubernetes:core/v1:Service",
  hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  dr: "kubernetes:networking.istio.io/v1:DestinationRule",
  vs: "kubernetes:networking.istio.io/v1:VirtualService",
  ap: "kubernetes:security.istio.io/v1:AuthorizationPolicy",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  association: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
};

export const ofService = (p: StackPlan, svc: string, type: string): PlannedResource[] =>
  p.resources.filter(
    (r) =>
      r.type === type &&
      r.urn.includes(`ecommerce:services:Microservice$`) &&
      r.name.startsWith(`services-${svc}`) &&
      !r.name.startsWith(`services-${svc}-pod-`),
  );

export const meta = (r: PlannedResource) =>
  r.inputs.metadata as { name: string; namespace: string };
