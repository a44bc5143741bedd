/**
 * Webpack loader for the determinism guard: applies deliberate textual edits to a workflow source
 * before it is compiled, so a test can bundle "the same workflow, changed" and replay old
 * histories against it.
 */
module.exports = function changeLoader(source) {
  const { edits } = this.getOptions();
  let out = source;
  for (const { from, to } of edits) {
    if (!out.includes(from)) throw new Error(`change-loader: "${from}" not found in ${this.resourcePath}`);
    out = out.split(from).join(to);
  }
  return out;
};
