// The CSS of the packages the side panel uses (themes are loaded at run time by the theme manager),
// file by file in the order the extensions' `style/index.js` would load them. Left out: the
// stylesheets of packages whose UI is not here (file browser, launcher, search, table of contents,
// status bar, log console, property inspector, metadata form, shortcut editor); Font Awesome and
// @jupyterlab/ui-components' deprecated CSS icons and settings-form styles are left out by aliases
// (scripts/lib/left-out.ts). One `style/index.js` import would bring the packages' stylesheets back.
import '@lumino/widgets/style/index.css';
import '@jupyterlab/ui-components/style/base.css';
import '@jupyterlab/apputils/style/base.css';
import '@jupyterlab/docregistry/style/base.css';
import '@jupyterlab/application/style/base.css';
import '@jupyterlab/application-extension/style/base.css';
import '@jupyterlab/apputils-extension/style/base.css';
import '@lumino/dragdrop/style/index.css';
import '@jupyterlab/codeeditor/style/base.css';
import '@jupyterlab/codemirror/style/base.css';
import '@jupyterlab/rendermime/style/base.css';
import '@jupyterlab/outputarea/style/base.css';
import '@jupyterlab/cells/style/base.css';
import '@jupyterlab/notebook/style/base.css';
import '@jupyterlab/completer/style/base.css';
import '@jupyterlab/mermaid/style/base.css';
import '@jupyterlab/markedparser-extension/style/base.css';
import '@jupyterlab/mathjax-extension/style/base.css';
import '@jupyterlite/apputils/style/base.css';
import '@jupyterlite/apputils-extension/style/base.css';
import '@jupyterlite/pyodide-kernel-extension/style/base.css';
import './sidepanel/sidepanel.css';
import './bridge/exercise-badges.css';
