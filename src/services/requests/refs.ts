/** Every message that shows one request to helpers shares this ref, so closing it edits them all. */
export const requestRef = (requestId: number) => `request:${requestId}`;
/** The requester's card for one offer. */
export const offerRef = (offerId: number) => `offer:${offerId}`;
/** The requester's "📣 Posted" message, kept current as the request is matched or closes. */
export const postedRef = (requestId: number) => `posted:${requestId}`;
/** Every banner of one chat (both sides, and each shown again by /chat), so its end edits them all. */
export const chatRef = (chatId: number) => `chat:${chatId}`;
