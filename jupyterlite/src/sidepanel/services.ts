/**
 * Stand-ins for services that would otherwise touch the network or browser storage.
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IWindowResolver } from '@jupyterlab/apputils';
import { DataConnector } from '@jupyterlab/statedb';
import { ITranslatorConnector } from '@jupyterlab/translation';

/** One workspace named "default": JupyterLab's resolver would keep window names in localStorage. */
export const windowResolver: JupyterFrontEndPlugin<IWindowResolver> = {
  id: '@tutor/jupyterlite:window-resolver',
  description: 'Names the window without browser storage.',
  autoStart: true,
  provides: IWindowResolver,
  activate: () => ({ name: 'default' }),
};

type LanguageList = { data: Record<string, unknown>; message: string };

/** English only, without fetching language packs the site does not have. */
class EnglishOnlyConnector extends DataConnector<LanguageList, LanguageList, { language: string }> {
  async fetch(options?: { language: string }): Promise<LanguageList> {
    const language = options?.language ?? '';
    if (language === '' || language === 'all') {
      return { data: { en: { displayName: 'English', nativeName: 'English' } }, message: '' };
    }
    return { data: {}, message: '' };
  }
}

export const translatorConnector: JupyterFrontEndPlugin<ITranslatorConnector> = {
  id: '@tutor/jupyterlite:translator-connector',
  description: 'Serves English without fetching language packs.',
  autoStart: true,
  provides: ITranslatorConnector,
  activate: () => new EnglishOnlyConnector() as unknown as ITranslatorConnector,
};
