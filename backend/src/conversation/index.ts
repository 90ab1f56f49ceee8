// The conversation module's public entry: what /ws/chat and /ws/tutor (and app.ts) use.
export {
  type ConversationConnection,
  type ConversationRoute,
  type PreparedTurn,
  registerConversation,
} from './register';
export { closeSocketsGoingAway, registerLiveSockets } from './socket/live-sockets';
export { registerMessageBudget } from './socket/message-budget';
export { type TurnAdmission, type TurnContext, type TurnGate, TurnRefused } from './turn/types';
