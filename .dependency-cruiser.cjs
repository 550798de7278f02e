// Architecture rules of ../shared/DESIGN.md §1: dependencies point down only, and the engine
// (everything under src/ except the edges) runs unchanged in a browser or worker.
const EDGES = '^src/(cli|server|web|node)/';
const ENGINE =
  '^src/(core|time|frames|dynamics|flight|sensors|tracking|treaty|engagement|scenario|analysis)/';

/** Layer order, lowest first; a module may import only from its own layer or lower ones. */
const LAYERS = [
  ['core', 'time', 'frames'],
  ['dynamics'],
  ['flight', 'sensors', 'tracking', 'treaty'],
  ['engagement'],
  ['scenario'],
  ['analysis'],
];

const upward = [];
LAYERS.forEach((layer, i) => {
  const higher = LAYERS.slice(i + 1).flat();
  if (higher.length === 0) return;
  upward.push({
    name: `no-upward-from-${layer.join('-')}`,
    comment: `${layer.join(', ')} must not import a higher layer (${higher.join(', ')})`,
    severity: 'error',
    from: { path: `^src/(${layer.join('|')})/` },
    to: { path: `^src/(${higher.join('|')})/` },
  });
});

module.exports = {
  forbidden: [
    {
      name: 'engine-no-edges',
      comment: 'the engine never imports the CLI, server, web app or node edge',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: EDGES },
    },
    {
      name: 'engine-no-node-builtins',
      comment: 'the engine must run in a browser: no Node built-ins',
      severity: 'error',
      from: { path: ENGINE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sensors-not-tracking',
      comment: 'sensors emit Detections; trackers consume them; neither imports the other',
      severity: 'error',
      from: { path: '^src/sensors/' },
      to: { path: '^src/tracking/' },
    },
    {
      name: 'tracking-not-sensors',
      severity: 'error',
      from: { path: '^src/tracking/' },
      to: { path: '^src/sensors/' },
    },
    {
      name: 'treaty-never-simulates',
      comment: 'treaty reads scenario data, it never runs the simulation',
      severity: 'error',
      from: { path: '^src/treaty/' },
      to: { path: '^src/(engagement|analysis|tracking|sensors)/' },
    },
    ...upward,
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
