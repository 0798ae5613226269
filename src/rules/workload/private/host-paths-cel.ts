import { celStrings } from '../../../private/cel-form';

/**
 * CEL: the absolute host paths of the pod's hostPath volumes, normalized as normalizeHostPath normalizes them
 * (empty and `.` segments and trailing slashes dropped). The API server refuses `..` in a host path, so nothing
 * else is left to resolve; relative paths are skipped, as the rules skip them.
 */
export const CEL_HOST_PATHS = '(has(variables.podSpec.volumes) ? variables.podSpec.volumes : [])'
  + ".filter(v, has(v.hostPath) && v.hostPath.path.startsWith('/'))"
  + ".map(v, '/' + v.hostPath.path.split('/').filter(s, s != '' && s != '.').join('/'))";

/** CEL: `dir` is `candidate` or one of its ancestors (isSameOrAncestor), for a dir other than `/`. */
export function celSameOrAncestor(dir: string, candidate: string): string {
  return `(${candidate} == ${dir} || ${candidate}.startsWith(${dir} + '/'))`;
}

/** CEL: some path of the list is `p` or below it. */
export function celAnyAtOrAbove(paths: readonly string[], p: string): string {
  return `${celStrings(paths)}.exists(d, ${celSameOrAncestor('d', p)})`;
}
