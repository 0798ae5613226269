import { IConstruct } from 'constructs';
import { SynthesisHook } from './synthesis-hook';
import { Aspects } from '../../aspects/aspects';

/**
 * Brings the app to the state synthesis judges, without synthesizing: applies the aspects, then runs the
 * validation of every construct as cdk8s does before rendering (a validation may create objects). Validation
 * errors are left to synthesis to report.
 */
export function prepareForCheck(root: IConstruct): void {
  const prepare = () => {
    Aspects.applyAll(root);
    for (const construct of root.node.findAll()) construct.node.validate();
  };
  // Within a window the hook's own steps (the aspects) run once, as in a synthesis.
  const hook = SynthesisHook.existing(root);
  if (hook) hook.window(prepare);
  else prepare();
}
