import { build } from './app';

// `cdk8s synth` runs this file (see cdk8s.yaml); manifests and the guardrails report land in dist/.
build({ outdir: process.env.CDK8S_OUTDIR ?? 'dist' }).synth();
