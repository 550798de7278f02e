/**
 * The trial functions a worker thread can run, by module: importing this module registers them.
 * A new trial layer adds one import line here (or passes its module URL as `modules` to the pool).
 */
import './self-test-trial.ts';
import './engagement-trial-fn.ts';
