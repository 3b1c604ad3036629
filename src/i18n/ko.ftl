# parse_mode HTML로 보냅니다. 사용자 입력이 담긴 변수는 모두 먼저 이스케이프합니다.

greeting =
    안녕하세요, <b>{ $alias }</b>님! 동네 도움 봇 도움입니다.
    • 도움 요청: 짐 나르기, 수리, 귀갓길 동행 — 근처 이웃이 보고 돕겠다고 나섭니다.
    • 헬퍼 등록: 가까운 곳에서 도움이 필요할 때 알림을 받고 도움 배지를 모으세요.
    • 익명 보장: 상대에게는 별명만 보이고, 대화는 봇을 통해 전달됩니다.
greeting-again = 다시 오셨네요, <b>{ $alias }</b>님. 무엇을 할까요?

help =
    <b>도움 사용법</b>
    도움이 필요한 사람이 장소와 마감 시간을 정해 요청을 올리면, 근처의 헬퍼에게 알림이 가고 헬퍼가 수락하면 요청자가 한 명을 고릅니다. 대화는 봇을 통해 오가므로 텔레그램 이름은 보이지 않습니다.

    <b>명령어</b>
    /start — 메인 메뉴
    /helper — 헬퍼 등록
    /language — English / 한국어
    /cancel — 진행 중인 작업 취소
    /help — 도움말
help-in-scene = 지금 <b>{ $scene }</b> 중입니다. 마지막 질문에 답하시거나 /cancel 로 나가세요.

menu-become-helper = 🙋 헬퍼 등록
menu-help = ❓ 도움말
menu-language = 🌐 언어

language-prompt = 언어를 선택하세요:
language-set = 이제부터 한국어로 안내해 드릴게요.
language-unchanged = 이미 한국어로 안내하고 있어요.

cancel-done = 취소했습니다. 아무것도 저장되지 않았어요. /start 로 메뉴를 볼 수 있어요.
cancel-nothing = 취소할 작업이 없습니다. /start 로 메뉴를 볼 수 있어요.

unhandled = 잘 이해하지 못했어요. 아래 메뉴나 /help 를 이용해 주세요.
unknown-command = 모르는 명령어입니다. /help 에서 사용할 수 있는 명령어를 확인하세요.
error-generic = 죄송합니다. 처리 중 문제가 생겼어요. 잠시 후 다시 시도해 주세요.
button-stale = 더 이상 사용할 수 없는 버튼입니다.

scene-language = 언어 선택
scene-expected-button = 위의 버튼을 눌러 주세요. 그만두려면 /cancel.

cmd-start = 메인 메뉴
cmd-help = 사용법
cmd-helper = 헬퍼 등록
cmd-language = 언어 변경
cmd-cancel = 진행 중인 작업 취소
