# Messages are sent with parse_mode HTML: every variable that holds user text is escaped first.

greeting =
    Hello, <b>{ $alias }</b>! I am doum — neighbourhood help.
    • Ask for help: carrying, repairs, company on the way home — people nearby see it and offer.
    • Become a helper: get told when someone near you needs a hand, and earn help badges.
    • You stay anonymous: others only see your alias, and chats go through me.
greeting-again = Welcome back, <b>{ $alias }</b>. What would you like to do?

help =
    <b>How doum works</b>
    Someone posts what they need with a place and a time limit; registered helpers nearby are told, offer to help, and the asker picks one. Then you talk through me — nobody sees your Telegram name.

    <b>Commands</b>
    /start — main menu
    /helper — become a helper
    /language — English / 한국어
    /cancel — leave what you are doing
    /help — this message
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
unknown-command = I don't know that command. /help lists what I can do.
error-generic = Sorry, something went wrong on my side. Please try again in a moment.
button-stale = This button is no longer available.

scene-language = choosing a language
scene-expected-button = Please use the buttons above, or /cancel.

cmd-start = Main menu
cmd-help = How doum works
cmd-helper = Become a helper
cmd-language = Change language
cmd-cancel = Leave what you are doing
