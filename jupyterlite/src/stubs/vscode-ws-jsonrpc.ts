/**
 * Stands in for vscode-ws-jsonrpc (with vscode-jsonrpc, ~12 kB compressed): @jupyterlab/lsp calls
 * it only in `LspWsConnection.connect`, when its DocumentConnectionManager opens a language
 * server's web socket. That manager comes from @jupyterlab/lsp-extension, which this app does not
 * have (and notebook-extension's language-server plugin is disabled, src/plugins.ts): nothing
 * here is ever called, so calls throw.
 */
function unavailable(): never {
  throw new Error('Language servers are not part of this app');
}

export const listen = unavailable;
export const ConsoleLogger = unavailable;
