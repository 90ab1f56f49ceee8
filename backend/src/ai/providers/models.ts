import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { Env, LlmProviderName } from '../../config/env';
import { createOfflineTutor } from '../offline-tutor/provider';
import type { LlmProvider } from '../types';
import { createAiSdkProvider } from './ai-sdk-provider';

/** One provider per name in LLM_PROVIDERS, in order (env validation guarantees keys are set). */
export function createProvider(name: LlmProviderName, env: Env): LlmProvider {
  switch (name) {
    case 'anthropic': {
      const anthropic = createAnthropic({
        apiKey: env.ANTHROPIC_API_KEY,
        baseURL: env.ANTHROPIC_BASE_URL,
      });
      return createAiSdkProvider(
        `anthropic:${env.ANTHROPIC_MODEL}`,
        'Claude',
        anthropic(env.ANTHROPIC_MODEL),
      );
    }
    case 'openai': {
      const openai = createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL });
      // Chat Completions: the wire format every OpenAI-style server and proxy speaks.
      return createAiSdkProvider(
        `openai:${env.OPENAI_MODEL}`,
        'OpenAI',
        openai.chat(env.OPENAI_MODEL),
      );
    }
    case 'google': {
      const google = createGoogleGenerativeAI({
        apiKey: env.GOOGLE_API_KEY,
        baseURL: env.GOOGLE_BASE_URL,
      });
      return createAiSdkProvider(`google:${env.GOOGLE_MODEL}`, 'Gemini', google(env.GOOGLE_MODEL));
    }
    case 'openai-compatible': {
      const model = env.OPENAI_COMPATIBLE_MODEL ?? '';
      const compatible = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: env.OPENAI_COMPATIBLE_BASE_URL ?? '',
        apiKey: env.OPENAI_COMPATIBLE_API_KEY,
      });
      return createAiSdkProvider(`openai-compatible:${model}`, model, compatible.chatModel(model));
    }
    case 'offline':
      return createOfflineTutor();
  }
}

/** The configured providers; with none configured, the offline tutor alone. */
export function createProviders(env: Env): LlmProvider[] {
  const names = [...new Set(env.LLM_PROVIDERS)];
  return names.length === 0
    ? [createOfflineTutor()]
    : names.map((name) => createProvider(name, env));
}
