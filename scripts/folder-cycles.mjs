// Reads dependency-cruiser's JSON of src/ collapsed to folders (stdin) and fails on any cycle
// between folders (issue 15). dependency-cruiser's own rules see files, not folders: a folder
// cycle made of files that do not form a file cycle would pass them.
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const graph = JSON.parse(input);
  const folder = (path) => /^src\/[^/]+\//.exec(path)?.[0] ?? null;
  const edges = new Map();
  for (const module of graph.modules) {
    const from = folder(module.source);
    if (!from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    for (const dependency of module.dependencies) {
      const to = folder(dependency.resolved);
      if (to && to !== from) edges.get(from).add(to);
    }
  }
  // Tarjan's strongly connected components: any component of two or more folders is a cycle.
  let index = 0;
  const order = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), order.get(next)));
    }
    if (low.get(node) === order.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!order.has(node)) visit(node);
  if (cycles.length > 0) {
    console.error(`Folder cycles in src/ (issue 15), module files left out:\n  ${cycles.map((cycle) => cycle.join(' ⇄ ')).join('\n  ')}`);
    process.exit(1);
  }
  const count = [...edges.values()].reduce((sum, targets) => sum + targets.size, 0);
  console.log(`✔ no cycles between the ${edges.size} folders of src/ (${count} dependencies between them, module files left out)`);
});
