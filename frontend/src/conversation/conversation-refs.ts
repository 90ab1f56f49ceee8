import { useEffect, useRef, type RefObject } from 'react';
import type { ConversationSocket } from './conversation-socket';
import type { UseConversationOptions } from './conversation-types';

/** What useConversation's parts share between renders without re-rendering. */
export interface ConversationRefs {
  socketRef: RefObject<ConversationSocket | null>;
  /** The latest options (callbacks may change on every render). */
  optionsRef: RefObject<UseConversationOptions>;
  /** The session messages go to. */
  sessionRef: RefObject<string | null>;
  /** True from sending a message until its turn ends. */
  answeringRef: RefObject<boolean>;
  /** Set when the student switched sessions mid-answer: the rest of that turn is dropped. */
  discardingRef: RefObject<boolean>;
  /** Streamed text not yet dispatched (tokens are batched). */
  pendingTokensRef: RefObject<string>;
  flushTimerRef: RefObject<ReturnType<typeof setTimeout> | null>;
  /** Numbers the local ids of sent messages. */
  sentCountRef: RefObject<number>;
}

export function useConversationRefs(options: UseConversationOptions): ConversationRefs {
  const socketRef = useRef<ConversationSocket | null>(null);
  const optionsRef = useRef(options);
  const sessionRef = useRef<string | null>(options.sessionId);
  const answeringRef = useRef(false);
  const discardingRef = useRef(false);
  const pendingTokensRef = useRef('');
  const flushTimerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sentCountRef = useRef(0);

  useEffect(() => {
    optionsRef.current = options;
  });

  return {
    socketRef,
    optionsRef,
    sessionRef,
    answeringRef,
    discardingRef,
    pendingTokensRef,
    flushTimerRef,
    sentCountRef,
  };
}
