/**
 * Stands in for @rjsf/core, @rjsf/utils and @rjsf/validator-ajv8 (React JSON-schema forms, with
 * lodash and markdown-to-jsx: ~50 kB compressed). They are only used while a FormComponent of
 * @jupyterlab/ui-components renders, and only the settings editor and the metadata form render one
 * (codemirror-extension hands its renderer to the settings editor): the side panel has neither.
 * Module evaluation only reads these bindings; calling any of them is a bug, so they throw.
 */
function unavailable(): never {
  throw new Error('Settings forms (@rjsf) are not part of this app');
}

export default unavailable;

// The @rjsf/utils names @jupyterlab/ui-components imports.
export const ADDITIONAL_PROPERTY_FLAG = '__additional_property';
export const canExpand = unavailable;
export const getTemplate = unavailable;
