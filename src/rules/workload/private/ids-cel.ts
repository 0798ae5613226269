import { ALL_CONTAINERS, containersExpression } from '../../../private/cel-form';

/** CEL: a field of the pod's securityContext holds, when it is set. */
export function podIdHolds(field: string, holds: (value: string) => string): string {
  return `(!has(variables.podSpec.securityContext) || !has(variables.podSpec.securityContext.${field}) || ${holds(`variables.podSpec.securityContext.${field}`)})`;
}

/** CEL: a field of every container's securityContext (regular, init and ephemeral) holds, when it is set. */
export function containerIdsHold(field: string, holds: (value: string) => string): string {
  return `(${containersExpression(ALL_CONTAINERS)}).all(c, !has(c.securityContext) || !has(c.securityContext.${field}) || ${holds(`c.securityContext.${field}`)})`;
}
