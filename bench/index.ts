import { printScanBench } from './scan';
import { benchSynth } from './synth';

// `npx projen bench`: every benchmark, each printing `<measure> <case> <value>` lines (see README).
benchSynth();
printScanBench();
