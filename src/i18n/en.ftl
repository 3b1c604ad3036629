# Messages are sent with parse_mode HTML: every variable that holds user text is escaped first.

greeting =
    Hello, <b>{ $alias }</b>! I am doum — neighbourhood help.
    • Ask for help: carrying, repairs, company on the way home — people nearby see it and offer.
    • Become a helper: get told when someone near you needs a hand, and earn help badges.
    • You stay anonymous: others only see your alias, and chats go through me.

help-intro =
    <b>How doum works</b>
    Someone posts what they need with a place and a time limit; registered helpers nearby are told, offer to help, and the asker picks one. Then you talk through me — nobody sees your Telegram name.
help-everyone =
    <b>What you can do</b>
    /ask — ask your neighbours for help
    /requests — your requests: offers so far, time left, cancel or post again
    /chat — your chat with the helper or requester you were matched with
    /badges — your help badges, penalties and prize progress
    /redeem — spend help badges to remove a penalty
    /vouchers — your prize vouchers: keep one or give it with a link
    /balance — your credits: free, held for your requests, and recent changes
    /topup — buy credits
    /paysupport — help with a payment · /privacy — what doum keeps about you
    /boards — donation boards: give help badges to organisations in need
    /start — main menu
    /language — English / 한국어
    /cancel — leave what you are doing
    /help — this message
help-become-helper =
    <b>Helping others</b>
    /helper — become a helper: I tell you when someone near you needs a hand.
help-pending =
    <b>Your helper application</b>
    It is waiting for an admin; I will tell you the outcome here. /profile shows what you sent.
help-suspended =
    <b>Your helper account</b>
    ⛔ Suspended: you get no requests for now. /profile shows the reason.
help-helper =
    <b>As a helper</b>
    /nearby — open requests near you
    /profile — your profile and settings
    /available — pause or resume requests
    /radius — how far you travel
    /quiet — hours without notifications
    Share a location (or a live location) any time to move your area.
help-admin =
    <b>Admin</b>
    /admin — console: statistics, pending helpers, open requests and chats, reports, boards, finding a user; /admin &lt;alias or id&gt; — a user's card, to restrict or lift, adjust badges or credits
    /pending — applications waiting
    /approve &lt;id&gt; — approve a helper
    /reject &lt;id&gt; &lt;reason&gt; — reject an application
    /suspend &lt;id&gt; &lt;reason&gt;, /reinstate &lt;id&gt; — suspend or reinstate a helper
    /restrict &lt;id&gt; &lt;reason&gt;, /unrestrict &lt;id&gt; — restrict a user or lift it
    /credit &lt;id&gt; &lt;+/-amount&gt; &lt;reason&gt; — change a credit balance
    /newboard — open a donation board; Edit and Close are on its page in /boards
help-in-scene = You are in the middle of: <b>{ $scene }</b>. Answer the last question to go on, or /cancel to leave it.

menu-become-helper = 🙋 Become a helper
menu-help = ❓ Help
menu-language = 🌐 Language

language-prompt = Choose your language:
language-set = Done — I will speak English from now on.
language-unchanged = I already speak English with you.

cancel-done = Cancelled. Nothing was saved. /start shows the menu.
cancel-nothing = There is nothing to cancel. /start shows the menu.

unhandled = I did not understand that. Use the menu below or /help.
chat-ended-not-relayed = Your chat with <b>{ $alias }</b> has ended, so I no longer pass messages on. Use the menu below or /help.
unknown-command = I don't know that command. /help lists what I can do.
error-generic = Sorry, something went wrong on my side. Please try again in a moment.
button-stale = This button is no longer available.
button-not-allowed = You are not allowed to use this button.

scene-language = choosing a language
scene-expected-button = Please use the buttons above, or /cancel.
scene-step-failed = Something went wrong on my side, so I will ask that again. Nothing you entered before is lost.

cmd-start = Main menu
cmd-help = How doum works
cmd-helper = Become a helper
cmd-language = Change language
cmd-cancel = Leave what you are doing

yes = yes
no = no
skip = Skip
cancel = ✖️ Cancel
send-my-location = 📍 Send my location

scene-helper = helper registration
scene-quiet = setting quiet hours
scene-rejectReason = writing a rejection reason
scene-expected-text = Please send text. { $hint }
scene-too-long = That is { $length } characters; the limit is { $max }. Please shorten it.

location-invalid = Those coordinates are not on Earth (latitude −90…90, longitude −180…180). Please share the place again.
location-updated = 📍 Your helper location is updated.
location-live-updated = 📍 Following your live location until { $until }.
location-not-helper = Thanks — I only keep locations of registered helpers. /helper to become one.

category-moving = Moving / carrying
category-repairs = Repairs
category-tech = Tech help
category-errands = Errands / shopping
category-pets = Pets
category-accompany = Accompany / walk home
category-car = Car
category-other = Other

reg-intro = Let's register you as a helper. It takes seven short steps; /cancel leaves at any time and nothing is stored as active.
reg-resume-prompt = You have an unfinished helper registration. Continue where you left off?
reg-resume-continue = ▶️ Continue
reg-resume-restart = 🔄 Start over
reg-already-pending = Your application is waiting for an admin. You will hear from me as soon as it is decided.
reg-already-helper = You are already a helper. /profile shows and edits your profile.
reg-alias-prompt = <b>1/7 · Alias.</b> This is the only name others will see (2–{ $max } characters, no @handles, links or phone numbers). Send a new one or keep <b>{ $alias }</b>.
reg-alias-keep = Keep “{ $alias }”
reg-alias-hint = Send the alias as text, or press the button to keep the suggestion.
alias-problem-length = An alias needs 2–{ $max } characters.
alias-problem-lines = An alias must fit on one line.
alias-problem-handle = No @handles in an alias, please — it must not lead to your account.
alias-problem-link = No links in an alias, please.
alias-problem-phone = No phone numbers in an alias, please — it must not identify you.
alias-problem-invisible = That alias hides invisible characters (zero-width spaces, joiners, direction marks and the like). Please type it with visible characters only.
alias-problem-reserved = That alias contains a reserved name (such as admin, doum, support, help or bot), so others could take you for the service. Please choose another.
alias-taken = That alias is already taken. Please choose another.
reg-categories-prompt = 2/7 · What can you help with? Tap all that apply, then Done.
reg-categories-done = ✔️ Done
reg-categories-empty = Choose at least one category.
reg-categories-hint = Please tap the categories above, then Done.
reg-categories-note-prompt = Anything else you can help with, in your words? (optional, up to { $max } characters)
reg-categories-note-hint = Send a short text, or press Skip.
reg-profile-prompt = 3/7 · A short profile for requesters: who you are and what you are good at (up to { $max } characters; no @handles, links or phone numbers).
text-problem-handle = Please take out “{ $found }”: no @handles here. Requesters reach you through me, so your account stays private.
text-problem-link = Please take out “{ $found }”: no links here.
text-problem-phone = Please take out “{ $found }”: no phone numbers here. Requesters reach you through me, so your number stays private.
reg-profile-hint = Send a few words about yourself.
reg-photo-prompt = 4/7 · A profile photo (optional). Send a photo, or press Skip.
reg-photo-hint = Please send a photo (not a file or sticker), or press Skip.
reg-proofs-prompt = 5/7 · Proof for verification (optional): photos or documents of an ID, licence or certificate, up to { $max }. Only admins see them. Send them, then press Done.
reg-proofs-added = Got it ({ $count }/{ $max }). Send another, or press Done.
reg-proofs-done = ✔️ Done
reg-proofs-hint = Please send a photo or a document, or press Done.
reg-career-prompt = A note on your experience or qualifications (optional, up to { $max } characters)?
reg-career-hint = Send a short text, or press Skip.
reg-location-prompt = 6/7 · Where are you usually? Press “📍 Send my location”, or drop a pin / pick a place from the 📎 attachment menu (a live location works too). Requesters never see this point.
reg-location-hint = I need a location: press “📍 Send my location” below, or send a pin from the 📎 menu.
reg-location-saved = 📍 Location saved.
reg-location-live-saved = 📍 Location saved. I follow your live location until { $until }, as it moves.
reg-radius-prompt = 7/7 · How far will you travel to help?
reg-radius-hint = Please choose a distance with the buttons.
reg-radius-chosen = Travel radius: { $km } km.
reg-review-title = <b>Check your application</b>
edit-review-title = <b>Your profile</b> — change a field or save.
reg-review-privacy = Admins see only your approximate area; requesters never see your location or Telegram name.
reg-submit = ✅ Submit
edit-save = 💾 Save
edit-field-alias = ✏️ Alias
edit-field-categories = ✏️ Categories
edit-field-profile = ✏️ Profile
edit-field-photo = ✏️ Photo
edit-field-proofs = ✏️ Proofs
edit-field-location = ✏️ Location
edit-field-radius = ✏️ Radius
reg-submitted = 📨 Submitted! An admin will review your application; I will tell you the outcome here.
reg-cancelled = Registration cancelled and your draft deleted. /helper starts again.
edit-saved = ✅ Profile saved.
edit-cancelled = No changes made.
edit-pending-note = Your application is still waiting for review. If you save changes, the new version goes to the admins instead and is reviewed from the start.
edit-resubmitted = 📨 Changes saved. Your application went back to review with the new version; I will tell you the outcome here.
edit-decided = An admin decided on your application just now, so your changes were not saved. /profile shows where you stand.
draft-redo = Some of your answers do not meet the current rules (no @handles, links, phone numbers, hidden characters or reserved names). Please answer those questions again.

field-alias = Alias: <b>{ $value }</b>
field-categories = Helps with: { $value }
field-categories-note = Also: { $value }
field-profile = Profile: { $value }
field-career = Experience: { $value }
field-photo = Photo: { $value }
field-proofs = Proofs: { $count }
field-area = Area: 📍 the map pin below (rounded to about 1 km)
field-location = Location: 📍 the spot you shared (requesters never see it)
field-radius = Travel radius: { $km } km
field-availability = Available: { $value }
field-quiet = Quiet hours: { $value }
field-position = Area: within { $km } km of the spot you shared, updated { $updated }
field-position-live = Area: within { $km } km of your live location, followed until { $until } (updated { $updated })

helper-status-pending = ⏳ waiting for approval
helper-status-approved = ✅ approved
helper-status-rejected = ✖️ not approved
helper-status-suspended = ⛔ suspended
helper-status-none = not a helper
helper-not-registered = You are not registered as a helper yet. /helper to become one.
helper-approved = 🎉 You are approved as a helper! I will tell you when someone nearby needs a hand. /profile shows your settings.
helper-approved-restricted = 🎉 You are approved as a helper. Your account is restricted, though, so no requests reach you until an admin lifts the restriction; /profile shows why.
helper-rejected = Your helper application was not approved. Reason: { $reason }
    You can apply again with /helper.
helper-suspended = ⛔ Your helper account is suspended. Reason: { $reason }
helper-reinstated = ✅ Your helper account is active again.
helper-reinstated-note = ✅ Your helper account is active again. Note: { $reason }

profile-title = <b>Your helper profile</b> — { $status }
profile-available-off = 🔕 Pause requests
profile-available-on = 🔔 Resume requests
profile-radius = 📏 Radius
profile-quiet = 🌙 Quiet hours
profile-edit = ✏️ Edit profile
profile-show-map = 📍 Show on map
profile-apply-again = 🙋 Apply again
profile-rejected-reason = Reason given: { $reason }
profile-suspended-reason = Suspended because: { $reason }
availability-on = on
availability-off = off (paused)
available-now-on = 🔔 You are available: requests nearby will reach you.
available-now-off = 🔕 Paused: you will get no requests until you turn it on again (/available).
available-usage = Use /available to switch, or /available on, /available off.
radius-prompt = Your travel radius is { $km } km. Choose a new one:
radius-set = 📏 Travel radius set to { $km } km.
quiet-prompt = Quiet hours: no request notifications in this window (local time). Send it like 23:00-07:00, or press the button for none.
quiet-off-button = No quiet hours
quiet-usage = Please write the window like 23:00-07:00 (start and end differ), or “off”.
quiet-set = 🌙 Quiet hours set: { $value }.
quiet-cleared = Quiet hours removed.
quiet-none = none

admin-application-title = 🆕 <b>Helper application</b> #{ $id }
admin-approve = ✅ Approve
admin-reject = ✖️ Reject
admin-photo-caption = Profile photo of <b>{ $alias }</b> (id { $id })
admin-proof-caption = Proof document { $n } of { $count } from <b>{ $alias }</b> (id { $id })
admin-card-approved = ✅ Approved by { $admin }.
admin-card-rejected = ✖️ Rejected by { $admin }: { $reason }
admin-unnamed = admin { $id }
admin-card-superseded = ↩️ Replaced: the applicant changed this application. Decide on the new card.
admin-approved-done = ✅ Approved <b>{ $alias }</b> (id { $id }).
admin-rejected-done = ✖️ Rejected <b>{ $alias }</b> (id { $id }); they have been told the reason.
admin-already-decided = The application of <b>{ $alias }</b> (id { $id }) is no longer pending (now: { $status }).
admin-already-decided-plain = This application was already decided.
admin-superseded = <b>{ $alias }</b> (id { $id }) changed the application after this card was sent. Nothing was decided; use the newest card.
admin-no-such-helper = There is no helper application from id { $id }.
admin-cannot-change = <b>{ $alias }</b> (id { $id }) cannot be changed that way (now: { $status }).
admin-pending-none = No applications are waiting.
admin-pending-title = <b>Waiting for approval</b> ({ $count }):
admin-approve-usage = Usage: /approve <id>
admin-reject-usage = Usage: /reject <id> <reason>
admin-suspend-usage = Usage: /suspend <id> <reason>
admin-reinstate-usage = Usage: /reinstate <id> [note]
admin-id-missing = The user's id is missing: it comes first, as a number (shown on the card and in /pending).
    { $usage }
admin-reason-missing = The reason is missing: write it after the id. The user will read it.
    { $usage }
admin-suspend-done = ⛔ Suspended <b>{ $alias }</b> (id { $id }).
admin-reinstate-done = ✅ Reinstated <b>{ $alias }</b> (id { $id }).
admin-reject-reason-prompt = Why is <b>{ $alias }</b> (id { $id }) not approved? The applicant will read your answer. (/cancel to go back)
admin-reject-reason-hint = Send the reason as text.

cmd-profile = Your helper profile
cmd-available = Pause or resume requests
cmd-radius = Travel radius
cmd-quiet = Quiet hours
cmd-pending = Applications waiting (admin)
cmd-approve = Approve a helper (admin)
cmd-reject = Reject a helper (admin)
cmd-suspend = Suspend a helper (admin)
cmd-reinstate = Reinstate a helper (admin)

menu-ask = 🆘 Ask for help
menu-nearby = 📍 Requests nearby
cmd-ask = Ask for help
cmd-nearby = Open requests near you
scene-ask = asking for help

distance-under-km = under 1 km
distance-about-km = about { $km } km
duration-minutes = { $minutes } min
duration-hours = { $hours } h

ask-intro = Let's ask your neighbours for help. /cancel leaves at any time.
ask-too-many-open = You already have { $limit } open requests, the most at one time. /requests shows them: cancel one there, or wait until one closes.
ask-category-prompt = What do you need help with?
ask-category-hint = Please choose a category with the buttons.
ask-category-chosen = Category: { $category }
ask-description-prompt = Describe what you need, in a few sentences (up to { $max } characters). Don't include your address or phone number — the helper you choose gets the exact place.
ask-description-hint = Describe what you need as text.
ask-description-personal = ⚠️ Your description seems to contain personal details ({ $what }): <code>{ $found }</code>
    Everyone nearby will see this description. The helper you choose gets the exact place anyway. Keep it as it is, or write it again?
ask-description-keep = Keep it
ask-description-rewrite = ✏️ Write it again
ask-description-choose = Please choose with the buttons, or send the new description.
ask-description-kept = Kept as written.
personal-phone = a phone number
personal-email = an e-mail address
personal-handle = a Telegram @handle
personal-link = a link
personal-address = an address
ask-place-prompt = Where? Press “📍 Send my location”, or drop a pin / pick a place from the 📎 attachment menu. Helpers only see an approximate area until you choose one of them.
ask-place-hint = I need a location: press “📍 Send my location” below, or send a pin from the 📎 menu.
ask-place-saved = 📍 Place saved.
ask-validity-prompt = How long should the request stay open? It closes by itself after that.
ask-validity-other = ⌨️ Other
ask-validity-custom = How many minutes? ({ $min }–{ $max })
ask-validity-hint = Choose a duration with the buttons, or type the minutes.
ask-validity-bounds = Please give a whole number of minutes from { $min } to { $max } (e.g. 45).
ask-validity-chosen = Open for { $duration }.
ask-fee-prompt = Would you like to offer a fee in credits? You can offer up to { $available ->
    [one] { $available } credit
   *[other] { $available } credits
} (fees of your open requests are held).
ask-fee-none = No fee
ask-fee-hint = Choose a fee with the buttons, or type a whole number of credits.
ask-fee-short = You can offer up to { $available ->
    [one] { $available } credit
   *[other] { $available } credits
} now; that fee needs { $missing } more. { $topUp } Or choose a smaller fee.
ask-confirm-title = <b>Check your request</b>
ask-field-category = Category: { $category }
ask-field-description = What: { $description }
ask-field-place = Place: 📍 set (helpers see only the area until you choose)
ask-field-validity = Open for: { $duration }
ask-edit-category = ✏️ Category
ask-edit-description = ✏️ Description
ask-edit-place = ✏️ Place
ask-edit-validity = ✏️ Time
ask-edit-fee = ✏️ Fee
ask-post = 📣 Post
ask-cancelled = Request discarded; nothing was posted.
ask-posted = 📣 Posted! { $count ->
    [one] One helper nearby was told.
   *[other] { $count } helpers nearby were told.
} Offers will appear here — choose the one you like.
ask-posted-nobody = 📣 Posted. No helper is available nearby right now; I keep looking until the request closes.
ask-cancel-request = ✖️ Cancel request

request-notice-title = 🆘 <b>{ $category }</b> · { $distance } away
request-fee = Fee: { $fee ->
    [one] { $fee } credit
   *[other] { $fee } credits
}
request-no-fee = No fee
request-time-left = ⏳ { $minutes } min left
request-approximate = 📍 The map shows the approximate area; the exact place goes to the helper who is chosen.
accept-eta-prompt = 🙋 Can you help? Tap how soon you can be there:
request-no-longer-available = This request is no longer available.
request-closed-taken = ✔️ { $category } — taken by another helper. No longer available.
request-chosen-you = ✅ { $category } — you were chosen. The details and the exact place are in the messages below.
request-closed-expired = ⌛ { $category } — expired. No longer available.
request-closed-cancelled = ✖️ { $category } — cancelled by the requester. No longer available.
accept-sent = Offer sent!
accept-already = You already offered for this request.
accept-too-late = Someone else was faster: this request already has its helper. Thank you for offering!
accept-own = This is your own request.
accept-not-helper = Only approved helpers can offer. /helper to register.
accept-waiting = 🙋 You offered to be there in { $eta } min. The requester chooses; I'll tell you.
offer-withdraw = ↩️ Withdraw my offer
offer-withdrawn-self = You withdrew your offer.
offer-card-title = 🙋 <b>{ $alias }</b> can help — there in ~{ $eta } min, { $distance } away.
offer-photo-caption = <b>{ $alias }</b>
offer-choose = ✅ Choose { $alias }
offer-withdrawn = ↩️ { $alias } withdrew the offer.
offer-card-not-chosen = Another helper was chosen.
offer-card-closed = The request closed.
offer-not-chosen = The requester chose another helper for “{ $category }”. Thank you for offering!
offer-chosen-requester = ✅ You chose <b>{ $alias }</b>. They now have the exact place and are on their way.
chosen-title = ✅ <b>You were chosen</b> for { $category }!
chosen-exact-place = The exact place is below. Please go there as promised.
request-expired-requester = ⌛ Your request “{ $category }” closed: nobody was chosen in time.
request-post-again = 🔁 Post it again
request-cancelled-requester = Request cancelled. Helpers who saw it were told.

nearby-not-helper = /nearby shows open requests to approved helpers. /helper to become one.
nearby-none = No open requests near you right now.
nearby-title = <b>Open requests near you</b> ({ $page }/{ $pages }):
nearby-open = Open #{ $n }
nearby-entry = { $n }. { $summary }
nearby-entry-offered = { $n }. ✋ <i>You offered</i> · { $summary }
nearby-entry-closed = { $n }. <s>{ $category }</s> — no longer available
page-previous = ◀️ Previous
page-next = Next ▶️

ask-restricted = You cannot post requests at the moment: your account is restricted. Reason: { $reason }
accept-restricted = Your account is restricted; you cannot accept requests at the moment.
accept-out-of-range = This request is too far from you: outside your travel radius or the area the requester is searching.
accept-other-category = This request is not in a category you help with. /profile lets you change your categories.
user-restricted = ⛔ Your account is restricted: you cannot post or accept requests. Reason: { $reason }
user-unrestricted = ✅ Your restriction was lifted.
user-unrestricted-note = ✅ Your restriction was lifted. Note: { $reason }
admin-restrict-usage = Usage: /restrict <id> <reason>
admin-unrestrict-usage = Usage: /unrestrict <id> [note]
admin-restrict-done = ⛔ Restricted <b>{ $alias }</b> (id { $id }).
admin-unrestrict-done = ✅ Lifted the restriction of <b>{ $alias }</b> (id { $id }).
admin-restrict-unchanged = <b>{ $alias }</b> (id { $id }) is already restricted.
admin-unrestrict-unchanged = <b>{ $alias }</b> (id { $id }) is not restricted.
admin-no-such-user = There is no user with id { $id }.
cmd-restrict = Restrict a user (admin)
cmd-unrestrict = Lift a restriction (admin)

credits-adjusted = 💳 Your credit balance changed by { $amount } ({ $reason }). Balance: { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
}.
admin-credit-usage = Usage: /credit <id> <+amount or -amount> <reason>
admin-amount-missing = The amount is missing: after the id, a whole number with + or - that is not 0 (like +20 or -5).
    { $usage }
admin-credit-done = Done: <b>{ $alias }</b> (id { $id }) now has { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
}.
admin-credit-negative = <b>{ $alias }</b> (id { $id }) has { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
}; a balance cannot go below zero.
cmd-credit = Add or take credits (admin)

nearby-pending = Your application is waiting for an admin. Once you are approved, /nearby shows open requests near you.
nearby-suspended = ⛔ Your helper account is suspended, so I show you no requests. /profile shows the reason.
nearby-restricted = ⛔ Your account is restricted, so you cannot accept requests now. Reason: { $reason }
reg-suspended = ⛔ Your helper account is suspended, so there is nothing to register. /profile shows the reason.
available-on-suspended = 🔔 Saved: you are available. Your helper account is suspended, though, so no requests reach you until an admin reinstates it.
available-on-pending = 🔔 Saved: you are available. Requests start reaching you once an admin approves your application.
available-on-restricted = 🔔 Saved: you are available. Your account is restricted, though, so no requests reach you until the restriction is lifted.
profile-restricted = ⛔ Your account is restricted: you get no requests and cannot accept any. Reason: { $reason }

ask-resume-prompt = You have a request you did not finish. Continue where you left off?
draft-kept-ask = 📝 Your request draft is kept. Continue it now, or discard it?
draft-kept-helper = 📝 Your helper registration is kept. Continue it now, or discard it?
draft-continue = ▶️ Continue
draft-discard = 🗑 Discard
draft-discarded-ask = Request draft discarded. /ask starts a new one.
draft-discarded-helper = Registration draft discarded. /helper starts again.
reg-apply-again = Here is the application you sent before. Change what the admin asked about (the buttons below the card), then submit it again.
cmd-requests = Your requests
cmd-chat = Your open chats
top-up-contact = To top up, contact { $contact } and give your account number { $id }.
top-up-ask-admin = To top up, ask an admin and give your account number { $id }.
top-up-buy = /topup buys credits without leaving this request.
admin-credit-reserved = <b>{ $alias }</b> (id { $id }) has { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
}, { $reserved } of them held for fees of open requests; that much cannot be taken back now.
request-time-left-soon = ⏳ &lt; 1 min left
posted-category = Request: { $category }
posted-matched = ✅ { $category } — you chose { $alias }. The request is closed to other helpers.
posted-expired = ⌛ { $category } — closed before anyone was chosen.
posted-cancelled = ✖️ { $category } — Request cancelled. Helpers who saw it were told.
request-cancel-matched = You already chose a helper for this request, so it cannot be cancelled here.
my-requests-title = <b>Your requests</b>
my-requests-none = You have no open requests and none closed in the last { $days } days. /ask to post one.
my-requests-offers = { $count ->
    [0] no offers
    [one] 1 offer
   *[other] { $count } offers
}
my-requests-open = 🟢 Open · { $left } · { $offers } so far
my-requests-matched = ✅ Helper chosen · { $offers }
my-requests-expired = ⌛ Expired · { $offers }
my-requests-cancelled = ✖️ Cancelled · { $offers }
my-requests-cancel = ✖️ Cancel #{ $n }
my-requests-post-again = 🔁 Post #{ $n } again
my-requests-footer = Open requests first, then those closed in the last { $days } days.

# The relay chat between a requester and the helper they chose.
chat-banner-title-requester = 💬 <b>Your chat with { $alias } is open.</b>
chat-banner-title-helper = 💬 <b>Your chat with { $alias } is open.</b> They chose you for their request.
chat-banner-request = About: { $category } — { $description }
chat-banner-request-bare = About: { $category }
chat-banner-copies = Whatever you send here reaches them as a copy from doum: they see your alias, never your name, username or number.
chat-banner-code-requester = 🔑 Meeting code: <b>{ $code }</b>. { $alias } will say it when they arrive, so you know the right person is at the door.
chat-banner-code-helper = 🔑 Meeting code: <b>{ $code }</b>. Say it when you arrive, so { $alias } knows you are the right person.
chat-banner-writing-here = ✍️ You are writing in this chat.
chat-banner-come-back = To come back to this chat later, send /chat.
chat-banner-ended = 🏁 Your chat with <b>{ $alias }</b> has ended.
chat-list = You have { $count } open chats. Which one are you writing in? Your messages go to the one you pick until you pick another.
chat-list-button = { $alias } · { $category }
chat-list-button-focused = ✍️ { $alias } · { $category }
chat-none = You have no open chat. A chat opens when a requester chooses a helper.
chat-focus-set = ✍️ You are now writing to { $alias }.
relay-choose-first = You have several open chats, so this message was not sent: pick the chat you are writing in, then send it again.
relay-held = 🔒 This shares who you are ({ $what }). Send it to { $alias } anyway?
relay-held-contact = a contact card
relay-held-send = Send anyway
relay-held-drop = Don't send
relay-held-sent = ✅ Sent to { $alias }.
relay-held-dropped = Not sent.
relay-edit-held = This edit shares who you are, so it was not passed on: { $alias } still sees the earlier version. Send it as a new message if you want them to see it.
relay-refused = ⚠️ This message did not reach { $alias }: they cannot receive this kind of message. Try sending it as text.
chat-closed-unreachable = ⚠️ { $alias } can no longer be reached: they stopped the bot. This chat is closed, and messages that had not reached them will not be delivered.
my-requests-completed = 🏁 Completed · { $offers }

# Ending a chat: Complete, Cancel, Report
chat-actions-intro = When you have met and the job is done, both of you press <b>Complete</b>. <b>Cancel</b> ends the chat early; <b>Report</b> tells the admins if something is wrong.
chat-complete = ✅ Complete
chat-cancel = ✖️ Cancel
chat-report = 🚩 Report
chat-complete-already = You already pressed Complete.
chat-complete-waiting = Thanks! Waiting for <b>{ $alias }</b> to press Complete too. They are reminded in { $reminder }; if they stay silent for { $timeout } after your Complete, the chat completes on your word.
chat-complete-reminder = <b>{ $alias }</b> pressed Complete. If the job is done, press Complete too. If you stay silent, the chat completes on their word in { $left }.
chat-completed = 🏁 The chat with <b>{ $alias }</b> is completed. Thank you both!
chat-completed-timeout = 🏁 The chat with <b>{ $alias }</b> is completed: one side confirmed and the other stayed silent.
chat-completed-badge = You earned one help badge. /badges shows them all.
chat-completed-fee-received = You received { $received } { $received ->
        [one] credit
       *[other] credits
    } of the fee.
chat-completed-fee-paid = The fee of { $fee } { $fee ->
        [one] credit
       *[other] credits
    }, held since you posted, is paid out: { $received } to the helper.
chat-completed-fee-share = { $share } { $share ->
        [one] credit
       *[other] credits
    } went to the donation pool, which backs the help badges given to donation boards.
chat-cancel-confirm-fee-part = Of the fee, { $fee } { $fee ->
        [one] credit
       *[other] credits
    } will go to the helper for setting out; the rest comes back to you.
chat-ended-fee-part-received = For setting out, you received { $fee } { $fee ->
        [one] credit
       *[other] credits
    } of the fee.
chat-ended-fee-part-paid = Of the fee, { $part } { $part ->
        [one] credit
       *[other] credits
    } went to the helper for setting out and { $returned } came back to you.
fee-returned-to-you = The fee of { $fee } { $fee ->
        [one] credit
       *[other] credits
    } came back to you.
chat-cancel-confirm-free = End this chat now? You are still inside the grace period, so there is no penalty.
chat-cancel-confirm-penalty = End this chat now? The grace period is over: cancelling now gives you one penalty badge.
chat-cancel-yes = ✖️ Yes, end the chat
chat-cancelled-self = You ended the chat with <b>{ $alias }</b>.
chat-cancelled-self-penalty = You ended the chat with <b>{ $alias }</b>. Because it was after the grace period, you got one penalty badge.
chat-cancelled-by-helper = <b>{ $alias }</b> (your helper) cancelled and the chat ended. You can post the request again with /ask.
chat-cancelled-by-requester = The requester (<b>{ $alias }</b>) cancelled and the chat ended.
chat-ended-closed-in-group = Your chat with <b>{ $alias }</b> ended. The rest of the group chat carries on.
chat-ended-closed = The chat ended. If you need help again, use /ask.

# Reports
report-pick-member = Whom is your report about? The admins read it; nobody is told who reported.
report-member-requester = { $alias } · asked for help
report-member-helper = { $alias } · helper
report-pick-reason = What is wrong? The admins read your report; the other side is not told who reported.
report-reason-abuse = Abusive or rude
report-reason-scam = Scam or asks for money
report-reason-noshow = Did not show up
report-reason-other = Something else
report-sent = Your report reached the admins. Thank you.
report-end-chat = ✖️ End the chat now
report-chat-ended = The chat ended. The admins still have your report.
report-admin-title = 🚩 <b>Report on chat #{ $chat }</b>: { $reason }
report-admin-reporter = Reported by: <b>{ $alias }</b> (id { $id })
report-admin-reported = About: <b>{ $alias }</b> (id { $id })
report-admin-request = Request: { $category } — { $description }
report-admin-no-messages = No messages were exchanged in this chat yet.
report-admin-messages = { $count ->
    [one] The latest message follows, from: { $senders }
   *[other] The latest { $count } messages follow, oldest first, from: { $senders }
}
report-warn = ⚠️ Warn
report-restrict = ⛔ Restrict
report-close-chat = ✖️ Close chat
report-warn-done = Warning sent.
report-restrict-done = Restricted.
report-restrict-already = Already restricted.
report-close-done = Chat closed.
report-warned-user = ⚠️ An admin warns you about your behaviour in a chat. Please keep to the rules, or your account may be restricted.
report-dismiss = 🗑 Dismiss
report-dismiss-done = Report dismissed.
report-chat-already-ended = This chat has already ended; nothing to close. Warn, restrict or dismiss instead.
report-decided-warned = ⚠️ Warned by { $admin }.
report-decided-restricted = ⛔ Restricted by { $admin }.
report-decided-closed = ✖️ Chat closed by { $admin }.
report-decided-dismissed = 🗑 Dismissed by { $admin }.

# After a completed chat
review-rate = How was it with <b>{ $alias }</b>? Rate from 1 to 5.
review-rated = Rated { $rating }.
review-mark = A colour for <b>{ $alias }</b>? Only you will see this colour next time — it does not block anyone.
mark-none = None
mark-green = Green
mark-yellow = Yellow
mark-red = Red
review-comment-ask = Add a short comment for others to read? Send it as your next message (up to 300 characters), or skip.
review-comment-skip = Skip
review-comment-saved = Thanks, your comment is saved.
review-comment-too-long = That is longer than 300 characters. Please send a shorter comment.
review-thanks = Thanks for your rating.

# No-show
no-show-question = Nobody pressed Complete in time. Did <b>{ $alias }</b> come to help?
no-show-came = ✅ Yes, they came
no-show-absent = ✖️ No, they did not come
no-show-recorded = Noted: <b>{ $alias }</b> did not come. The chat is closed and the helper got a penalty badge.
no-show-helper-told = The requester says you did not come, so the chat is closed.

# Penalties, badges, prizes
penalty-reason-helper-cancel = cancelling as the chosen helper after the grace period
penalty-reason-requester-cancel = cancelling after choosing a helper, past the grace period
penalty-reason-no-show = not coming after being chosen
penalty-given = You got one penalty badge for { $reason }. Penalties: { $penalties } of { $limit }.
penalty-given-limited = You got one penalty badge for { $reason }. With { $penalties } { $penalties ->
        [one] penalty
       *[other] penalties
    } (limit { $limit }) you can no longer post or accept requests. /redeem removes a penalty with help badges.
ask-penalties = You cannot post requests now: you have { $penalties } penalty { $penalties ->
        [one] badge
       *[other] badges
    } (limit { $limit }). /redeem removes one with help badges; /badges shows where you stand.
accept-penalties = You have reached the penalty limit, so you cannot accept requests now. /badges shows how to remove a penalty.
prize-reached = 🎉 You reached { $badges } help { $badges ->
        [one] badge
       *[other] badges
    } — that earns a prize! An admin will contact you about it.
prize-reached-admin = 🎉 <b>{ $alias }</b> (id { $id }) reached { $badges } help { $badges ->
        [one] badge
       *[other] badges
    }: a prize is due.
badges-title = <b>Your badges</b>
badges-help = 🏅 Help badges: { $help }
badges-penalties = ⚠️ Penalties: { $penalties } (limit { $limit })
badges-not-restricted = You can post and accept requests.
badges-restricted-penalties = ⛔ You cannot post or accept requests until a penalty is removed.
badges-restricted-admin = ⛔ An admin restricted your account. Reason: { $reason }
badges-prize = 🎁 Prize: { $help } of { $threshold } help badges
badges-redeem-hint = /redeem removes one penalty for { $needed } help { $needed ->
        [one] badge
       *[other] badges
    }.
badges-history = <b>Recent</b>
badges-history-help = { $amount } help
badges-history-penalty = { $amount } penalty
badge-reason-completed = a completed help
badge-reason-redeemed = penalty removed
badge-reason-helper-cancel = late cancel as helper
badge-reason-requester-cancel = late cancel as requester
badge-reason-no-show = did not come
redeem-confirm = Spend { $needed } of your { $help } help { $help ->
        [one] badge
       *[other] badges
    } to remove one of your { $penalties } { $penalties ->
        [one] penalty
       *[other] penalties
    }?
redeem-yes = ✅ Yes, remove one
redeem-no = Keep my badges
redeem-kept = Nothing was spent.
redeem-done = One penalty removed. Help badges: { $help }, penalties: { $penalties }.
redeem-no-penalty = You have no penalty to remove.
redeem-short = Removing a penalty takes { $needed } help { $needed ->
        [one] badge
       *[other] badges
    }; you have { $help }.
record-helps = 🏅 Completed helps: { $helps } · help badges: { $badges }
record-rating = ⭐ { $average } ({ $count } { $count ->
        [one] rating
       *[other] ratings
    })
record-no-rating = ⭐ No ratings yet
record-your-mark = { $icon } Your colour for this helper: { $colour } (only you see it)
cmd-badges = Your badges and penalties
cmd-redeem = Remove a penalty with help badges

# Credits: /balance, /topup, payments
cmd-balance = Your credits and recent changes
cmd-topup = Buy credits
cmd-paysupport = Help with a payment
cmd-privacy = What doum keeps about you
balance-title = <b>Your credits</b>
balance-available = 💰 Free to offer as fees: { $available }
balance-held = 🔒 Held for your open or matched requests: { $held }
balance-total = Balance: { $balance }
balance-no-history = No credit changes yet.
balance-history = <b>Recent</b>
balance-topup-hint = /topup adds credits.
credit-reason-admin = from an admin: { $note }
credit-reason-topup = top-up
credit-reason-fee-paid = fee paid for request #{ $request }
credit-reason-fee-received = fee received for request #{ $request }
credit-reason-fee-held = fee held for request #{ $request }
credit-reason-fee-held-paid = fee for request #{ $request }, held, then paid to the helper
credit-reason-fee-returned = fee returned for request #{ $request }
credit-reason-cancel-fee = part of the fee for request #{ $request }, cancelled late by the requester
board-backing = 💳 Credits behind this board's badges: { $credits } (donation pool now: { $pool })
topup-choose = How many credits would you like to buy? One credit costs { $price }.
topup-button = { $credits } credits — { $price }
topup-no-provider = Buying credits by card is not available in this bot. { $how }
topup-invoice-title = { $credits } doum credits
topup-invoice-description = { $credits } credits for your doum balance, to offer as fees when you ask for help.
topup-invoice-label = { $credits } credits
topup-refused-no-provider = Payments are switched off in this bot right now, so nothing was charged.
topup-refused-unknown-order = This order is not one the bot offers (anymore), so nothing was charged. Please start again with /topup.
topup-refused-wrong-price = The price or currency of this order does not match the current offer, so nothing was charged. Please start again with /topup.
topup-credited = ✅ Payment received: +{ $credits } credits. Free to offer now: { $available }.
topup-already = This payment was already added to your balance. Free to offer now: { $available }.
topup-unmatched = Your payment arrived, but it matches no order of yours, so I did not add credits. Please write to /paysupport; the payment is recorded.
paysupport =
    <b>Help with a payment</b>
    For a top-up that did not arrive, a double charge or a refund of credits you have not used: { $how }
    Please say when you paid and how much.
paysupport-contact = contact { $contact } with your account number { $id }.
paysupport-ask-admin = ask an admin, with your account number { $id }.
privacy =
    <b>What doum keeps about you</b>
    • Your Telegram id, language and the alias others see; never your name, username or phone unless you send them in a chat yourself.
    • What you post or offer (requests, places, times), helper profiles, badges, ratings and your credit ledger.
    • Chat messages are passed on as copies; the link between originals and copies is deleted when the chat ends.
    • Payments: the amount, currency and Telegram's charge ids. Card details go to the payment provider; doum never sees them.
    Nothing is sold or shared outside doum. To have your data removed, write to /paysupport.
cmd-boards = Donation boards
cmd-newboard = Open a donation board (admin)
scene-board = writing a donation board
scene-walk = starting a walk home
badges-donated = 💝 Given to donation boards: { $donated } help { $donated ->
        [one] badge
       *[other] badges
    }
badges-supported = 🤝 You support: { $organisations }
badge-reason-donated = given to a donation board
record-donated = 💝 Given to donation boards: { $donated }
boards-title = <b>Donation boards</b>
boards-empty = There are no open donation boards right now.
board-progress = { $bar } · { $raised } of { $goal } help badges
board-organisation = 🏠 { $organisation }
board-supporters = 🤝 Supporters: { $aliases }
board-no-supporters = 🤝 No supporters yet.
board-closed-goal = ✅ This board reached its goal and is closed. Thank you to every supporter!
board-closed = This board is closed.
board-donate-button = 🏅 Give { $amount }
board-edit-button = ✏️ Edit
board-close-button = ✖️ Close the board
board-gone = This board is no longer available.
board-donate-confirm = Give { $amount } of your { $help } help { $help ->
        [one] badge
       *[other] badges
    } to “{ $title }” ({ $organisation })? Given badges cannot be taken back or spent on a penalty; they still count toward your prize.
board-donate-yes = ✅ Yes, give { $amount }
board-donate-no = Keep my badges
board-donate-kept = Nothing was given.
board-donate-done = 💝 Thank you! You gave { $amount } help { $amount ->
        [one] badge
       *[other] badges
    } to “{ $title }” and now support { $organisation }. Help badges left: { $help }.
board-donate-reached-goal = 🎉 Your gift made the board reach its goal, so it is now closed.
board-donate-short = You have { $help } help { $help ->
        [one] badge
       *[other] badges
    }, so you cannot give { $amount }. Nothing was given.
board-donate-over-goal = This board needs only { $remaining } more help { $remaining ->
        [one] badge
       *[other] badges
    }, so you cannot give { $amount }. Nothing was given.
board-donate-already = This gift was already made.
board-goal-reached-donor = 🎉 “{ $title }” ({ $organisation }) reached its goal of { $goal } help badges and is closed. Thank you for your support!
board-goal-reached-admin = 🎉 The donation board “{ $title }” ({ $organisation }) reached its goal of { $goal } help badges and is closed.
board-close-confirm = Close “{ $title }”? Nobody can give to it any more; what was given stays given.
board-close-yes = ✖️ Yes, close it
board-close-no = Keep it open
board-close-kept = The board stays open.
board-closed-done = “{ $title }” is closed.
board-scene-intro = A new donation board. I ask five things; /cancel leaves without saving anything.
board-scene-edit-intro = Editing a donation board. Press Keep to leave an answer as it is; /cancel leaves without changing anything.
board-scene-current = {"\u000A"}Now: <i>{ $value }</i>
board-scene-keep = Keep
board-scene-organisation = Which organisation is the board for? (up to { $max } characters)
board-scene-organisation-hint = Send the organisation's name as text.
board-scene-title = The board's title? (up to { $max } characters)
board-scene-title-hint = Send the board's title as text.
board-scene-needed = What is needed, and what will the badges do? (up to { $max } characters)
board-scene-needed-hint = Send what is needed as text.
board-scene-goal = How many help badges does the board need? Send a whole number, e.g. 1000.
board-scene-goal-hint = Send a whole number of help badges from 1 to 1,000,000, e.g. 1000.
board-scene-photo = Send a photo for the board, or press No photo.
board-scene-photo-current = {" "}It has a photo now.
board-scene-photo-hint = Send a photo, or press No photo.
board-scene-no-photo = No photo
board-scene-created = ✅ The donation board “{ $title }” is open. /boards shows it.
board-scene-edited = ✅ The donation board “{ $title }” is saved.
board-scene-gone = This board is closed, so nothing was changed.

# The /admin console (src/ui/statistics-cards.ts).
admin-console = <b>🛠 Admin console</b>
    Statistics: choose a period. Or open a list, or find a user.
admin-stats-button-today = 📅 Today
admin-stats-button-7d = 7 days
admin-stats-button-30d = 30 days
admin-stats-period-today = today
admin-stats-period-7d = last 7 days
admin-stats-period-30d = last 30 days
admin-stats = <b>📊 Statistics — { $period }</b>
    { $from } → { $to }
    👥 Users: { $users } (new in the period: { $joined })
    🙋 Helpers now: { $approved } approved · { $pending } waiting · { $suspended } suspended · { $rejected } not approved
    📝 Requests posted: { $posted } — { $open } open · { $matched } matched · { $completed } completed · { $expired } expired · { $cancelled } cancelled
    ✅ Completion rate: { $rate }
    ⏱ Median time to the first offer: { $firstOffer }
    🤝 Median time to a match: { $match }
    🏅 Help badges issued: { $badges }
    💳 Credits moved: { $credits }
    🎁 Badges donated: { $donated }
admin-stats-minutes = { $minutes } min
admin-stats-percent = { $percent }%
admin-stats-none = — (none yet)
admin-lookup-title = <b>{ $alias }</b> (id { $id }), joined { $joined }
admin-lookup-helper = Helper: { $status }
admin-lookup-not-restricted = Not restricted
admin-lookup-restricted = ⛔ Restricted: { $reason }
admin-lookup-badges = 🏅 Help badges: { $help } · penalties: { $penalties } · donated: { $donated }
admin-lookup-credits = 💳 Credits: { $balance } (held by requests: { $reserved }, free: { $available })
admin-lookup-ledger = <b>Latest credit entries</b>
admin-lookup-audit = <b>Latest admin decisions</b>
admin-lookup-nothing = • none
admin-lookup-none = No user has the id or alias “{ $query }”.
cmd-admin = Admin console: statistics, lists, users (admin)

# The /admin console's menu and lists (src/ui/admin-console-cards.ts).
admin-menu-pending = ⏳ Pending helpers
admin-menu-requests = 📋 Open requests
admin-menu-chats = 💬 Open chats
admin-menu-reports = 🚩 Reports
admin-menu-boards = 📌 Boards
admin-menu-find = 🔎 Find a user
admin-back = ↩️ Back
admin-page-previous = ‹
admin-page-next = ›
admin-requests-title = <b>📋 Open requests</b>: { $total } · page { $page } of { $pages }
admin-requests-none = <b>📋 Open requests</b>
    No request is open or matched right now.
admin-requests-row-open = • #{ $id } { $category } — <b>{ $alias }</b> · open · { $offers ->
        [one] 1 offer
       *[other] { $offers } offers
    } · posted { $age } ago · { $left } left
admin-requests-row-matched = • #{ $id } { $category } — <b>{ $alias }</b> · matched · posted { $age } ago
admin-chats-title = <b>💬 Open chats</b>: { $total } · page { $page } of { $pages }
admin-chats-none = <b>💬 Open chats</b>
    No chat is open right now.
admin-chats-row = • #{ $id } <b>{ $requester }</b> ↔ <b>{ $helper }</b> — { $category } (request #{ $request }) · since { $since }
admin-reports-title = <b>🚩 Reports</b>: { $total }, open ones first · page { $page } of { $pages }
admin-reports-none = <b>🚩 Reports</b>
    No reports yet.
admin-reports-row = • #{ $id } chat #{ $chat }: { $reason } — <b>{ $reporter }</b> about <b>{ $reported }</b> · { $at }
admin-reports-open = {"   "}🟡 Open: its button below shows the card to decide on.
admin-reports-open-button = ⚖️ #{ $id }
admin-report-decided = This report is no longer open: the list shows who decided it.
admin-find-prompt = 🔎 Send the alias or id of the user to look up. (/cancel to go back)
admin-find-hint = Send an alias or an id as text.
admin-find-again = Send another alias or id, or /cancel.
# A user's card (src/ui/user-lookup-card.ts) and what its buttons ask (scenes/adjust-user.ts).
scene-findUser = finding a user
scene-adjustUser = changing a user's standing
admin-user-restrict = ⛔ Restrict
admin-user-lift = ✅ Lift restriction
admin-user-credits = 💳 Adjust credits
admin-user-help = 🏅 Adjust help badges
admin-user-penalty = ⚠️ Adjust penalties
admin-adjust-amount-help = By how many help badges should <b>{ $alias }</b> (id { $id }) change? They have { $current }. Send a whole number with + or -, like +2 or -1. (/cancel to go back)
admin-adjust-amount-penalty = By how many penalties should <b>{ $alias }</b> (id { $id }) change? They have { $current }. Send a whole number with + or -, like +1 or -1. (/cancel to go back)
admin-adjust-amount-credits = By how many credits should the balance of <b>{ $alias }</b> (id { $id }) change? It is { $current }. Send a whole number with + or -, like +20 or -5. (/cancel to go back)
admin-adjust-amount-hint = Send a whole number with + or - that is not 0 and at most { $max } either way, like +2 or -1.
admin-adjust-below-zero = That would go below 0 (now: { $current }). Send another amount, or /cancel.
admin-adjust-reason-restrict = Why is <b>{ $alias }</b> (id { $id }) restricted? They will read your answer. (/cancel to go back)
admin-adjust-reason-lift = Why is the restriction of <b>{ $alias }</b> (id { $id }) lifted? They will read your answer. (/cancel to go back)
admin-adjust-reason-help = Why? <b>{ $alias }</b> (id { $id }) will read your answer with the change. (/cancel to go back)
admin-adjust-reason-penalty = Why? <b>{ $alias }</b> (id { $id }) will read your answer with the change. (/cancel to go back)
admin-adjust-reason-credits = Why? <b>{ $alias }</b> (id { $id }) will read your answer with the change. (/cancel to go back)
admin-adjust-reason-hint = Send the reason as text.
admin-badges-done-help = Done: <b>{ $alias }</b> (id { $id }) now has { $count ->
        [one] 1 help badge
       *[other] { $count } help badges
    }.
admin-badges-done-penalty = Done: <b>{ $alias }</b> (id { $id }) now has { $count ->
        [one] 1 penalty
       *[other] { $count } penalties
    }.
admin-badges-below-zero-help = <b>{ $alias }</b> (id { $id }) has { $count ->
        [one] 1 help badge
       *[other] { $count } help badges
    }, and a count never goes below 0. Nothing changed.
admin-badges-below-zero-penalty = <b>{ $alias }</b> (id { $id }) has { $count ->
        [one] 1 penalty
       *[other] { $count } penalties
    }, and a count never goes below 0. Nothing changed.
badges-adjusted-help = 🏅 An admin changed your help badges by { $amount } ({ $reason }). You have { $count } now.
badges-adjusted-penalty = ⚠️ An admin changed your penalties by { $amount } ({ $reason }). You have { $count } now.
# Admin decisions on a user's card, in words.
audit-helper-approve = approved as a helper
audit-helper-reject = helper application not approved
audit-helper-suspend = helper suspended
audit-helper-reinstate = helper reinstated
audit-user-restrict = restricted
audit-user-unrestrict = restriction lifted
audit-credits-adjust = credits adjusted
audit-badges-help = help badges adjusted
audit-badges-penalty = penalties adjusted
audit-report-warn = warned after a report
audit-report-dismiss = report about them dismissed

## Walk me home (issue 13): a live location, a check-in, closed only with the requester's PIN
category-walkhome = Walk me home
menu-walk = 🚶 Walk me home
cmd-walkhome = Walk me home: company on your way, with a check-in
cmd-safety = Safety PIN and trusted contact
walk-emergency = ☎️ In real danger call { $number } now: this bot is not an emergency service.
walk-safe-button = 🏠 I'm safe
walk-notice = 🚶 <b>{ $category }</b>, about { $distance } away: someone would like company on their way now, until about { $until }. Offer below if you can go now; only the person chosen sees where they are.
walk-live-prompt = 🚶 <b>Walk me home</b>
    Share your <b>live location</b>: 📎 → Location → Share my live location (for at least as long as the walk). Your helper will see it move after you choose them.
walk-live-hint = Please share your live location: 📎 → Location → Share my live location.
walk-live-needed = That is a single pin. A walk needs a live location, so your helper can follow you: 📎 → Location → Share my live location.
walk-destination-prompt = Where are you heading? (Optional, up to 100 characters, e.g. “home near Hapjeong station”.) Only your chosen helper reads it.
walk-destination-hint = Please type where you are heading, or press Skip.
walk-destination-skip = Skip
walk-checkin-prompt = By when do you expect to be there? If you have not confirmed you are safe by then, we ask you, and then alert others.
walk-checkin-hint = Please choose a time or type a number of minutes.
walk-checkin-bounds = Please give a whole number of minutes from { $min } to { $max } (e.g. 25).
walk-checkin-chosen = Check-in in { $duration }.
walk-started = 🚶 Your walk has started. Helpers told: { $notified }. Check-in: { $until }.
walk-started-nobody = No helper near you takes walk-home requests right now; any who switch them on are told. Your check-in still stands: if you miss it, the admins and your trusted contact are alerted.
walk-how-it-ends = When you are safe, press “🏠 I'm safe” and type your safety PIN. Only that ends the walk.
walk-already = You already have a walk going. When you are safe, press “🏠 I'm safe” and type your PIN.
walk-restricted = You cannot start a walk while your account is restricted. In danger, call the emergency number.
walk-needs-pin = Before your first walk, set a safety PIN: it is how you confirm you are safe. Use /safety or the button below.
walk-helper-chosen = 🚶 You are walking with <b>{ $alias }</b>. Their live location follows; check-in at { $until }.
walk-destination = Heading to: { $destination }
walk-no-destination = No destination given: ask in the chat.
walk-helper-how-it-ends = Press Complete when you have arrived; the walk ends when <b>{ $alias }</b> confirms being safe.
walk-requester-matched = 🚶 <b>{ $alias }</b> will walk with you and now sees your live location.
walk-helper-arrived = <b>{ $alias }</b> says you have arrived. If you are safe, press “🏠 I'm safe” and type your PIN.
walk-arrived-noted = Thanks! The walk ends when <b>{ $alias }</b> confirms being safe.
walk-pin-ask = Type your safety PIN.
walk-pin-wrong = That didn't work, try again.
walk-gone = This walk has already ended.
walk-safe-done = 🏠 Glad you are safe. Your walk has ended.
walk-overdue = ⏰ Your check-in time has passed. Are you safe? Press “🏠 I'm safe” and type your PIN. If we hear nothing within { $grace }, your helper, the admins and your trusted contact are alerted with your last location.
walk-alarm-helper = 🚨 <b>{ $alias }</b> missed their check-in and has not confirmed being safe. Their last known location (at { $seen }) is above. Please try to reach them in the chat.
walk-alarm-contact = 🚨 <b>{ $alias }</b>, who made you their trusted contact, missed the check-in of a walk home and has not confirmed being safe. Their last known location (at { $seen }) is above.
walk-alarm-admin = 🚨 Walk #{ $walk }: <b>{ $alias }</b> (id { $id }) missed the check-in and has not confirmed being safe. Last known location (at { $seen }) above.
walk-duress-admin = 🚨 Walk #{ $walk } was closed with the <b>duress PIN</b> by <b>{ $alias }</b> (id { $id }). They and their helper were shown a normal close. Last known location (at { $seen }) above.
walk-wrong-pins-admin = 🚨 Walk #{ $walk }: a wrong safety PIN was typed { $count } times on the walk of <b>{ $alias }</b> (id { $id }). The walk is still open; they were only told to try again. Last known location (at { $seen }) above.
walk-duress-helper = Their helper: <b>{ $helper }</b>.
walk-duress-no-helper = No helper had been chosen.
walk-safe-after-alarm = ✅ <b>{ $alias }</b> has confirmed being safe. The walk has ended.
safety-title = 🛡 <b>Your safety settings</b>
safety-pin-set = Safety PIN: set
safety-pin-unset = Safety PIN: not set (needed for a walk home)
safety-duress-set = Duress PIN: set (it ends a walk like your PIN, and quietly alerts the admins)
safety-duress-unset = Duress PIN: not set (optional: it ends a walk like your PIN, and quietly alerts the admins)
safety-contact-none = Trusted contact: none (optional: told if you miss a check-in)
safety-contact-invited = Trusted contact: invited, not accepted yet
safety-contact = Trusted contact: <b>{ $alias }</b>
safety-trusted-by = You are the trusted contact of <b>{ $alias }</b>.
safety-set-pin = 🔢 Set safety PIN
safety-change-pin = 🔢 Change safety PIN
safety-set-duress = 🆘 Set duress PIN
safety-change-duress = 🆘 Change duress PIN
safety-remove-duress = Remove duress PIN
safety-invite = 👤 Invite a trusted contact
safety-invite-again = 👤 New invitation link
safety-remove-contact = Remove trusted contact
safety-withdraw = Stop being { $alias }'s contact
safety-pin-ask = Type a new safety PIN: { $min } to { $max } digits. Your message is deleted right after reading, and only a scrambled form is kept.
safety-duress-ask = Type a duress PIN: { $min } to { $max } digits, different from your safety PIN. Use it if someone forces you to say you are safe.
safety-pin-shape = A PIN is { $min } to { $max } digits, nothing else. Please type it again.
safety-pin-expected = Please type the PIN as a message: { $min } to { $max } digits.
safety-duress-same = The duress PIN must differ from your safety PIN. Please type another.
safety-pin-saved = ✅ Safety PIN saved.
safety-duress-saved = ✅ Duress PIN saved.
safety-duress-removed = Duress PIN removed.
trusted-invite-link = Send this link to the person you trust. When they open it and accept, they are told if you miss a check-in: { $link }
trusted-invitation = 🛡 <b>{ $alias }</b> asks you to be their trusted contact: if they miss the check-in of a walk home, you are told, with their last known location. You can stop any time in /safety.
trusted-accept = ✅ Accept
trusted-decline = Decline
trusted-you-accepted = ✅ You are now a trusted contact. /safety lets you stop.
trusted-you-declined = You declined the invitation.
trusted-you-withdrew = You are no longer their trusted contact.
trusted-accepted = ✅ <b>{ $alias }</b> accepted being your trusted contact.
trusted-declined = <b>{ $alias }</b> declined being your trusted contact.
trusted-withdrawn = <b>{ $alias }</b> is no longer your trusted contact.
trusted-removed = <b>{ $alias }</b> removed you as their trusted contact.
trusted-contact-removed = Trusted contact removed.
trusted-own-link = This is your own invitation link: send it to the person you trust.
trusted-link-unknown = This invitation link no longer works. Ask for a new one.
accept-not-urgent = Walk-home requests go to helpers who switched them on in /profile.
field-urgent = Walk-home requests: { $value }
urgent-on = on
urgent-off = off
profile-urgent-on = 🚶 Receive walk-home requests
profile-urgent-off = 🚶 Stop walk-home requests
urgent-now-on = 🚶 You will hear of walk-home requests near you.
urgent-now-off = You will no longer hear of walk-home requests.

# Prize vouchers
cmd-vouchers = Your prize vouchers: keep or give
prize-reached-voucher =
    🎉 You reached { $badges } help badges — that earns a prize: a voucher for <b>{ $kind }</b>, valid until { $until }.
    Open /vouchers to see it, or to give it to someone with a claim link.
prize-voucher-issued-admin = 🎟 Issued as voucher #{ $id }: { $kind }, valid until { $until }.
prize-voucher-owed-admin = 🎟 No voucher kind exists yet, so the voucher is owed: add a kind under /admin → 🎟 Vouchers → 🏷 Kinds, then issue it from their card (/admin { $id }).
vouchers-title = 🎟 <b>Your vouchers</b>
vouchers-none = 🎟 You have no vouchers yet. Reaching { $threshold } help badges earns one; see /badges.
voucher-line-held = • #{ $id } <b>{ $kind }</b> — yours, valid until { $until }
voucher-line-claimed = • #{ $id } <b>{ $kind }</b> — claimed by you, valid until { $until }
voucher-line-offered = • #{ $id } <b>{ $kind }</b> — offered: a claim link is out; still yours until someone claims it (valid until { $until })
voucher-line-given = • #{ $id } <b>{ $kind }</b> — given away
voucher-line-fulfilled = • #{ $id } <b>{ $kind }</b> — fulfilled
voucher-line-expired = • #{ $id } <b>{ $kind }</b> — expired on { $until }
voucher-line-owed = • #{ $id } a prize voucher — an admin will issue it
voucher-give-button = 🎁 Give #{ $id }
voucher-take-back-button = ↩️ Take back #{ $id }
voucher-give-link =
    🎁 Your voucher #{ $id } for <b>{ $kind }</b> is ready to give. Send this link to the person you give it to:
    { $link }
    or this code: <code>{ $code }</code> (they can also send me /start v_ followed by it)

    The code is shown only this once. Until someone claims it the voucher stays yours (valid until { $until }); Take back in /vouchers stops this link.
voucher-give-refused = This voucher cannot be given now: it is already offered, used, expired or no longer yours.
voucher-taken-back = The offer is taken back: its link no longer works.
voucher-take-back-refused = This offer is no longer out: it was claimed, taken back or has ended.
voucher-claim-card = 🎟 A voucher for <b>{ $kind }</b>, offered by <b>{ $alias }</b>, valid until { $until }. Press Claim to make it yours.
voucher-claim-button = ✅ Claim
voucher-claimed-you = ✅ The voucher #{ $id } for <b>{ $kind }</b> is yours now, valid until { $until }. See /vouchers.
voucher-claimed-giver = 🎁 <b>{ $alias }</b> claimed your voucher #{ $id } for <b>{ $kind }</b>.
voucher-link-claimed = This voucher was already claimed: a claim link works only once.
voucher-link-expired = This voucher has expired: its link no longer works.
voucher-link-used = This voucher was already used: its link no longer works.
voucher-link-withdrawn = The giver took this offer back: the link no longer works. Ask them for a new one.
voucher-link-unknown = This voucher link is not valid. Check that it was copied whole.
voucher-link-own = This is your own voucher's link: send it to the person you are giving it to.
voucher-expired = ⌛ Your voucher #{ $id } for <b>{ $kind }</b> has expired.
voucher-fulfilled = ✅ Your voucher #{ $id } for <b>{ $kind }</b> is marked fulfilled by an admin. Enjoy!
voucher-issued = 🎟 An admin issued you voucher #{ $id } for <b>{ $kind }</b>, valid until { $until }: { $reason }. See /vouchers.
scene-voucherKind = adding a kind of voucher
scene-issueVoucher = issuing a voucher
admin-menu-vouchers = 🎟 Vouchers
admin-vouchers-title = 🎟 <b>Vouchers held or owed</b>: { $total } (page { $page } of { $pages })
admin-vouchers-none = 🎟 No voucher is held or owed right now.
admin-vouchers-row = #{ $id } <b>{ $kind }</b> — { $alias }, { $state }, until { $until }
admin-vouchers-row-owed = #{ $id } owed to { $alias }: issue it from their card (/admin { $user })
admin-voucher-state-held = held
admin-voucher-state-offered = offered (a claim link is out)
admin-vouchers-fulfil-button = ✔️ #{ $id }
admin-vouchers-kinds-button = 🏷 Kinds
admin-voucher-fulfil-confirm = Mark voucher #{ $id } (<b>{ $kind }</b>, held by { $alias }) fulfilled? The holder is told; it cannot be undone.
admin-voucher-fulfil-yes = ✔️ Yes, fulfilled
admin-voucher-fulfilled = Voucher #{ $id } is marked fulfilled.
admin-voucher-not-live = That voucher is no longer held: it was fulfilled or has expired.
admin-kinds-title = 🏷 <b>Voucher kinds</b> (★ is what a prize is issued as)
admin-kinds-none = 🏷 No voucher kinds yet: a prize reached now is owed until you add one.
admin-kinds-row = #{ $id } { $name }
admin-kinds-row-prize = ★ #{ $id } { $name }
admin-kinds-add-button = ➕ Add a kind
admin-kinds-default-button = ★ #{ $id }
admin-kinds-retire-button = ✕ #{ $id }
admin-kind-ask-name = 🏷 Name the new kind of voucher (what it is for), up to { $max } characters, e.g. “Cinema ticket”.
admin-kind-name-hint = Type the name of the kind: what the voucher is for.
admin-kind-added = 🏷 Kind #{ $id } <b>{ $name }</b> added.
admin-kind-too-many = There are { $max } active kinds already: retire one before adding another.
admin-kind-changed = Done.
admin-kind-stale = That kind is no longer active.
admin-user-voucher = 🎟 Issue a voucher
admin-issue-voucher-kind = 🎟 Which voucher for <b>{ $alias }</b> (id { $id })?
admin-issue-voucher-kind-hint = Choose one of the kinds above.
admin-issue-voucher-no-kinds = There is no voucher kind yet: add one under /admin → 🎟 Vouchers → 🏷 Kinds.
admin-issue-voucher-reason = Why? <b>{ $alias }</b> reads it with the voucher.
admin-voucher-issued = 🎟 Voucher #{ $id } (<b>{ $kind }</b>) issued to <b>{ $alias }</b>, valid until { $until }.
admin-voucher-kind-gone = That kind was retired meanwhile: nothing was issued.
audit-voucher-issue = 🎟 Voucher issued
audit-voucher-fulfil = ✔️ Voucher fulfilled

## Requests for several helpers: one group chat
ask-edit-helpers = ✏️ Helpers
ask-field-helpers = Helpers: { $helpers }
ask-field-fee-split = The fee is for everyone together: split evenly among the helpers you choose.
ask-helpers-prompt = How many helpers do you need? (1–{ $max })
ask-helpers-hint = Choose with the buttons, or type a number from 1 to { $max }.
offer-chosen-places = 👥 { $chosen } of { $wanted } chosen. Choose more from the offers, or start with those chosen from your “📣 Posted” message.
posted-filling = 👥 { $category } — { $chosen } of { $wanted } chosen: { $aliases }. The request stays open for the other places.
posted-start-with-chosen = ▶️ Start with these { $chosen }
posted-started = Started with { $chosen } — the other places are closed.
offer-places-filled = Every place of “{ $category }” is filled now. Thank you for offering!
request-expired-partly = ⌛ Your request “{ $category }” closed with { $chosen } of { $wanted } helpers: those chosen keep the group chat.
group-joined = 👥 <b>{ $alias }</b> joined the group chat.
group-left = 👥 <b>{ $alias }</b> left the group chat. The others carry on.
group-fee-received-later = 👥 Your share of the fee: { $received } { $received ->
        [one] credit
       *[other] credits
    }, paid to you when the whole group's chat has ended.
group-fee-paid-later = 👥 This helper's share of the fee: { $received } { $received ->
        [one] credit
       *[other] credits
    }, paid from what is held when the whole group's chat has ended.
group-fee-share-later = Of it, { $share } { $share ->
        [one] credit
       *[other] credits
    } will go to the donation pool, which backs the help badges given to donation boards.
group-fee-part-received-later = 👥 For setting out you get { $fee } { $fee ->
        [one] credit
       *[other] credits
    } of the fee when the whole group's chat has ended.
group-fee-part-paid-later = 👥 Of this place's share of the fee, { $part } { $part ->
        [one] credit
       *[other] credits
    } will go to the helper for setting out and { $returned } will come back to you when the whole group's chat has ended.
group-fee-returned-later = 👥 This place's share of the fee, { $fee } { $fee ->
        [one] credit
       *[other] credits
    }, will come back to you when the whole group's chat has ended.
offer-chosen-full = 👥 All { $wanted } places are filled: the group chat is open.
request-helpers-wanted = 👥 Needs { $helpers } helpers; the fee is shared among them.
chat-banner-group = 👥 This is a group chat: what you send reaches the requester and every chosen helper, each copy under your alias.
