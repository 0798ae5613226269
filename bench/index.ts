import { printScanBench } from './scan';
import { benchSynth } from './synth';

// `npx projen bench`: every benchmark, each printing `ratio <case> <value>` lines.
benchSynth();
printScanBench();
