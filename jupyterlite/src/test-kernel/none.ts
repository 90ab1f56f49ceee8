// The production build registers no extra plugins (the test kernel is only in test builds).
const plugins: never[] = [];
export default plugins;
