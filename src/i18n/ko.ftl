# parse_mode HTML로 보냅니다. 사용자 입력이 담긴 변수는 모두 먼저 이스케이프합니다.

greeting =
    안녕하세요, <b>{ $alias }</b>님! 이웃끼리 손을 빌려주는 봇, doum이에요.
    • 도움 요청: 짐 나르기, 수리, 귀갓길 동행 — 근처 이웃이 보고 돕겠다고 나서요.
    • 헬퍼 등록: 가까운 곳에서 도움이 필요할 때 알림을 받고 도움 배지를 모아요.
    • 익명 보장: 상대에게는 별명만 보이고, 대화는 봇을 통해 전달돼요.

help-intro =
    <b>doum 사용법</b>
    도움이 필요한 사람이 장소와 마감 시간을 정해 요청을 올리면 근처 헬퍼에게 알림이 가요. 헬퍼가 돕겠다고 나서면 요청한 사람이 한 명을 골라요. 대화는 봇을 거쳐 오가서 텔레그램 이름은 보이지 않아요.
help-everyone =
    <b>할 수 있는 일</b>
    /ask — 이웃에게 도움 요청하기
    /requests — 내 요청: 받은 제안, 남은 시간, 취소하거나 다시 올리기
    /chat — 매칭된 헬퍼나 요청자와의 대화
    /badges — 도움 배지, 벌점, 상품까지 남은 배지
    /redeem — 도움 배지로 벌점 지우기
    /vouchers — 상품권: 간직하거나 링크로 선물하기
    /balance — 내 크레딧: 쓸 수 있는 만큼, 요청에 잡혀 있는 만큼, 최근 변동
    /topup — 크레딧 충전
    /paysupport — 결제 문의 · /privacy — doum이 보관하는 정보
    /boards — 기부 보드: 도움이 필요한 단체에 도움 배지 기부하기
    /start — 메인 메뉴
    /language — English / 한국어
    /cancel — 진행 중인 작업 취소
    /help — 이 도움말
help-become-helper =
    <b>이웃 돕기</b>
    /helper — 헬퍼로 등록하면 근처에서 도움이 필요할 때 알려 드려요.
help-pending =
    <b>헬퍼 신청</b>
    관리자 검토를 기다리고 있어요. 결과는 여기로 알려 드릴게요. 보낸 내용은 /profile 명령어로 볼 수 있어요.
help-suspended =
    <b>헬퍼 계정</b>
    ⛔ 정지되어 지금은 요청이 오지 않아요. 사유는 /profile 명령어로 볼 수 있어요.
help-helper =
    <b>헬퍼 메뉴</b>
    /nearby — 근처의 열린 요청
    /profile — 내 프로필과 설정
    /available — 요청 받기 멈춤/다시 받기
    /radius — 이동 거리
    /quiet — 알림을 받지 않을 시간
    위치(실시간 위치도 돼요)를 보내 주시면 언제든 활동 지역을 옮길 수 있어요.
help-admin =
    <b>관리자</b>
    /admin — 관리자 콘솔: 통계, 승인 대기 헬퍼, 진행 중인 요청과 대화, 신고, 기부 보드, 사용자 찾기; /admin &lt;별명 또는 id&gt; — 사용자 카드(제한·해제, 배지·크레딧 조정)
    /pending — 대기 중인 신청
    /approve &lt;id&gt; — 헬퍼 승인
    /reject &lt;id&gt; &lt;사유&gt; — 신청 거절
    /suspend &lt;id&gt; &lt;사유&gt;, /reinstate &lt;id&gt; — 헬퍼 정지/복구
    /restrict &lt;id&gt; &lt;사유&gt;, /unrestrict &lt;id&gt; — 사용자 제한/해제
    /credit &lt;id&gt; &lt;+/-금액&gt; &lt;사유&gt; — 크레딧 잔액 변경
    /newboard — 기부 보드 만들기 (수정과 마감은 /boards 에서 보드를 열어서 할 수 있어요)
help-in-scene = 지금 <b>{ $scene }</b> 중이에요. 이어서 마지막 질문에 답해 주세요. 그만두려면 /cancel 명령어를 보내 주세요.

menu-become-helper = 🙋 헬퍼 등록
menu-help = ❓ 도움말
menu-language = 🌐 언어

language-prompt = 언어를 선택하세요:
language-set = 이제부터 한국어로 안내해 드릴게요.
language-unchanged = 이미 한국어로 안내하고 있어요.

cancel-done = 취소했어요. 아무것도 저장하지 않았어요. 메뉴는 /start 명령어로 볼 수 있어요.
cancel-nothing = 취소할 작업이 없어요. 메뉴는 /start 명령어로 볼 수 있어요.

unhandled = 잘 이해하지 못했어요. 아래 메뉴를 쓰거나 /help 명령어로 사용법을 확인해 주세요.
chat-ended-not-relayed = <b>{ $alias }</b>님과의 대화는 끝나서 이제 메시지를 전하지 않아요. 아래 메뉴나 /help 명령어를 써 주세요.
unknown-command = 모르는 명령어예요. 쓸 수 있는 명령어는 /help 명령어로 확인해 주세요.
error-generic = 죄송해요. 처리하다가 문제가 생겼어요. 잠시 후 다시 해 주세요.
button-stale = 더 이상 쓸 수 없는 버튼이에요.
button-not-allowed = 이 버튼을 쓸 권한이 없어요.

scene-language = 언어 선택
scene-expected-button = 위의 버튼을 눌러 주세요. 그만두려면 /cancel 명령어를 보내 주세요.
scene-step-failed = 처리 중 문제가 생겨서 방금 질문을 다시 드릴게요. 앞서 입력하신 내용은 그대로 있어요.

cmd-start = 메인 메뉴
cmd-help = 사용법
cmd-helper = 헬퍼 등록
cmd-language = 언어 변경
cmd-cancel = 진행 중인 작업 취소

yes = 예
no = 아니요
skip = 건너뛰기
cancel = ✖️ 취소
send-my-location = 📍 내 위치 보내기

scene-helper = 헬퍼 등록
scene-quiet = 방해 금지 시간 설정
scene-rejectReason = 거절 사유 작성
scene-expected-text = 텍스트로 보내 주세요. { $hint }
scene-too-long = { $length }자예요. { $max }자까지 쓸 수 있으니 줄여서 다시 보내 주세요.

location-invalid = 올바른 좌표가 아니에요 (위도 −90…90, 경도 −180…180). 장소를 다시 보내 주세요.
location-updated = 📍 헬퍼 위치를 업데이트했어요.
location-live-updated = 📍 { $until }까지 실시간 위치를 따라갈게요.
location-not-helper = 고마워요. 위치는 등록된 헬퍼의 것만 저장해요. 헬퍼 등록은 /helper 명령어로 할 수 있어요.

category-moving = 이사 / 짐 나르기
category-repairs = 수리
category-tech = 기기 / IT 도움
category-errands = 심부름 / 장보기
category-pets = 반려동물
category-accompany = 동행 / 귀갓길
category-car = 자동차
category-other = 기타

reg-intro = 헬퍼 등록을 시작할게요. 7단계로 금방 끝나요. 언제든 /cancel 명령어로 그만둘 수 있고, 그러면 아무것도 활성화되지 않아요.
reg-resume-prompt = 작성 중인 헬퍼 등록이 있어요. 이어서 할까요?
reg-resume-continue = ▶️ 이어서 하기
reg-resume-restart = 🔄 처음부터
reg-already-pending = 신청서가 관리자 검토를 기다리고 있어요. 결과가 나오면 바로 알려 드릴게요.
reg-already-helper = 이미 헬퍼로 등록되어 있어요. 프로필은 /profile 명령어로 보고 고칠 수 있어요.
reg-alias-prompt = <b>1/7 · 별명.</b> 다른 사람에게 보이는 유일한 이름이에요 (2–{ $max }자, @아이디·링크·전화번호 불가). 새 별명을 보내 주세요. 지금 별명 <b>{ $alias }</b>{ PARTICLE($alias, "을") } 그대로 쓰려면 아래 버튼을 누르세요.
reg-alias-keep = “{ $alias }” 그대로 쓰기
reg-alias-hint = 별명을 텍스트로 보내거나 버튼을 눌러 제안된 별명을 쓰세요.
alias-problem-length = 별명은 2–{ $max }자여야 해요.
alias-problem-lines = 별명은 한 줄이어야 해요.
alias-problem-handle = 별명에 @아이디는 넣을 수 없어요. 계정이 드러나면 안 되니까요.
alias-problem-link = 별명에 링크는 넣을 수 없어요.
alias-problem-phone = 별명에 전화번호는 넣을 수 없어요. 본인이 드러나면 안 되니까요.
alias-problem-invisible = 별명에 보이지 않는 문자(폭 없는 공백, 결합 문자, 방향 표시 등)가 들어 있어요. 눈에 보이는 글자로만 입력해 주세요.
alias-problem-reserved = 예약된 이름(admin, 도움, 관리자, support, bot 등)이 들어간 별명은 쓸 수 없어요. 운영 측으로 오해받을 수 있으니까요. 다른 별명을 골라 주세요.
alias-taken = 이미 사용 중인 별명이에요. 다른 별명을 골라 주세요.
reg-categories-prompt = 2/7 · 어떤 도움을 줄 수 있나요? 해당하는 항목을 모두 누른 뒤 완료를 누르세요.
reg-categories-done = ✔️ 완료
reg-categories-empty = 하나 이상 선택해 주세요.
reg-categories-hint = 위의 항목을 누른 뒤 완료를 눌러 주세요.
reg-categories-note-prompt = 그 밖에 도울 수 있는 일이 있다면 적어 주세요 (선택, 최대 { $max }자).
reg-categories-note-hint = 짧은 글을 보내거나 건너뛰기를 누르세요.
reg-profile-prompt = 3/7 · 요청자에게 보일 짧은 소개 (최대 { $max }자, @아이디·링크·전화번호 불가): 어떤 사람이고 무엇을 잘하나요?
text-problem-handle = “{ $found }” 부분을 지워 주세요. @아이디는 넣을 수 없어요. 요청자와는 제가 이어 드리니 계정을 알릴 필요가 없어요.
text-problem-link = “{ $found }” 부분을 지워 주세요. 링크는 넣을 수 없어요.
text-problem-phone = “{ $found }” 부분을 지워 주세요. 전화번호는 넣을 수 없어요. 요청자와는 제가 이어 드리니 번호를 알릴 필요가 없어요.
reg-profile-hint = 자신을 소개하는 글을 보내 주세요.
reg-photo-prompt = 4/7 · 프로필 사진 (선택). 사진을 보내거나 건너뛰기를 누르세요.
reg-photo-hint = 사진을 보내 주세요 (파일이나 스티커 말고요). 아니면 건너뛰기.
reg-proofs-prompt = 5/7 · 인증 자료 (선택): 신분증, 자격증, 면허증 사진이나 문서, 최대 { $max }개. 관리자만 봐요. 다 보냈으면 완료를 누르세요.
reg-proofs-added = 받았어요 ({ $count }/{ $max }). 더 보내거나 완료를 누르세요.
reg-proofs-done = ✔️ 완료
reg-proofs-hint = 사진이나 문서를 보내거나 완료를 누르세요.
reg-career-prompt = 경력이나 자격에 대한 메모가 있나요? (선택, 최대 { $max }자)
reg-career-hint = 짧은 글을 보내거나 건너뛰기를 누르세요.
reg-location-prompt = 6/7 · 주로 어디에 계신가요? “📍 내 위치 보내기”를 누르거나 📎 첨부 메뉴에서 핀/장소를 보내세요 (실시간 위치도 돼요). 요청자에게는 이 위치가 보이지 않아요.
reg-location-hint = 위치가 필요해요. 아래 “📍 내 위치 보내기”를 누르거나 📎 메뉴에서 핀을 보내 주세요.
reg-location-saved = 📍 위치를 저장했어요.
reg-location-live-saved = 📍 위치를 저장했어요. { $until }까지 실시간 위치가 움직이는 대로 따라갈게요.
reg-radius-prompt = 7/7 · 어디까지 도우러 갈 수 있나요?
reg-radius-hint = 버튼으로 거리를 골라 주세요.
reg-radius-chosen = 이동 반경: { $km } km.
reg-review-title = <b>신청 내용을 확인하세요</b>
edit-review-title = <b>내 프로필</b> — 항목을 고치거나 저장하세요.
reg-review-privacy = 관리자에게는 대략적인 지역만 보이고, 요청자에게는 위치도 텔레그램 이름도 보이지 않아요.
reg-submit = ✅ 제출
edit-save = 💾 저장
edit-field-alias = ✏️ 별명
edit-field-categories = ✏️ 분야
edit-field-profile = ✏️ 소개
edit-field-photo = ✏️ 사진
edit-field-proofs = ✏️ 인증
edit-field-location = ✏️ 위치
edit-field-radius = ✏️ 반경
reg-submitted = 📨 제출했어요! 관리자가 검토한 뒤 결과를 여기로 알려 드릴게요.
reg-cancelled = 등록을 취소하고 작성 내용을 지웠어요. /helper 명령어로 다시 시작할 수 있어요.
edit-saved = ✅ 프로필을 저장했어요.
edit-cancelled = 바뀐 것은 없어요.
edit-pending-note = 신청서가 아직 검토를 기다리고 있어요. 변경 내용을 저장하면 새 내용이 관리자에게 다시 전달되고 처음부터 다시 검토받게 돼요.
edit-resubmitted = 📨 변경 내용을 저장했어요. 새 내용으로 다시 검토를 받게 되며, 결과는 여기로 알려 드릴게요.
edit-decided = 방금 관리자가 신청을 처리해서 변경 내용은 저장되지 않았어요. 지금 상태는 /profile 명령어로 확인해 주세요.
draft-redo = 일부 답변이 지금의 규칙에 맞지 않아요 (@아이디·링크·전화번호·보이지 않는 문자·예약된 이름 불가). 해당 질문에 다시 답해 주세요.

field-alias = 별명: <b>{ $value }</b>
field-categories = 도움 분야: { $value }
field-categories-note = 그 밖에: { $value }
field-profile = 소개: { $value }
field-career = 경력: { $value }
field-photo = 사진: { $value }
field-proofs = 인증 자료: { $count }개
field-area = 지역: 📍 아래 지도 핀 (약 1km 단위로 반올림)
field-location = 위치: 📍 보내 주신 곳 (요청자에게는 보이지 않아요)
field-radius = 이동 반경: { $km } km
field-availability = 요청 받기: { $value }
field-quiet = 방해 금지 시간: { $value }
field-position = 활동 지역: 보내 주신 곳에서 { $km }km 이내, { $updated } 업데이트
field-position-live = 활동 지역: 실시간 위치에서 { $km }km 이내, { $until }까지 따라가요 ({ $updated } 업데이트)

helper-status-pending = ⏳ 승인 대기 중
helper-status-approved = ✅ 승인됨
helper-status-rejected = ✖️ 승인되지 않음
helper-status-suspended = ⛔ 정지됨
helper-status-none = 헬퍼 아님
helper-not-registered = 아직 헬퍼로 등록되지 않았어요. 등록은 /helper 명령어로 할 수 있어요.
helper-approved = 🎉 헬퍼로 승인되었어요! 근처에 도움이 필요한 사람이 있으면 알려 드릴게요. 설정은 /profile 명령어로 볼 수 있어요.
helper-approved-restricted = 🎉 헬퍼로 승인되었어요. 다만 계정이 제한되어 있어서, 관리자가 제한을 풀 때까지는 요청이 오지 않아요. 사유는 /profile 명령어로 볼 수 있어요.
helper-rejected = 헬퍼 신청이 승인되지 않았어요. 사유: { $reason }
    /helper 명령어로 다시 신청할 수 있어요.
helper-suspended = ⛔ 헬퍼 계정이 정지되었어요. 사유: { $reason }
helper-reinstated = ✅ 헬퍼 계정이 다시 활성화되었어요.
helper-reinstated-note = ✅ 헬퍼 계정이 다시 활성화되었어요. 메모: { $reason }

profile-title = <b>내 헬퍼 프로필</b> — { $status }
profile-available-off = 🔕 요청 잠시 멈추기
profile-available-on = 🔔 요청 다시 받기
profile-radius = 📏 반경
profile-quiet = 🌙 방해 금지 시간
profile-edit = ✏️ 프로필 수정
profile-show-map = 📍 지도에서 보기
profile-apply-again = 🙋 다시 신청
profile-rejected-reason = 사유: { $reason }
profile-suspended-reason = 정지 사유: { $reason }
availability-on = 켜짐
availability-off = 꺼짐 (멈춤)
available-now-on = 🔔 이제 근처 요청을 받아요.
available-now-off = 🔕 멈췄어요. 다시 켤 때까지 요청을 받지 않아요 (/available).
available-usage = 켜고 끄려면 /available, 직접 정하려면 /available on 또는 /available off 명령어를 보내 주세요.
radius-prompt = 지금 이동 반경은 { $km } km예요. 새 반경을 고르세요:
radius-set = 📏 이동 반경을 { $km } km로 정했어요.
quiet-prompt = 방해 금지 시간에는 요청 알림을 보내지 않아요 (현지 시각). 23:00-07:00 처럼 보내거나, 없음 버튼을 누르세요.
quiet-off-button = 방해 금지 없음
quiet-usage = 23:00-07:00 처럼 시작과 끝을 적어 주세요 (서로 달라야 해요). 끄려면 “off”.
quiet-set = 🌙 방해 금지 시간: { $value }.
quiet-cleared = 방해 금지 시간을 없앴어요.
quiet-none = 없음

admin-application-title = 🆕 <b>헬퍼 신청</b> #{ $id }
admin-approve = ✅ 승인
admin-reject = ✖️ 거절
admin-photo-caption = <b>{ $alias }</b>님(id { $id })의 프로필 사진
admin-proof-caption = <b>{ $alias }</b>님(id { $id })의 인증 자료 { $n }/{ $count }
admin-card-approved = ✅ { $admin }님이 승인했어요.
admin-card-rejected = ✖️ { $admin }님이 거절했어요: { $reason }
admin-unnamed = 관리자 { $id }
admin-card-superseded = ↩️ 신청자가 내용을 고쳐 다시 제출했어요. 새 카드에서 결정해 주세요.
admin-approved-done = ✅ <b>{ $alias }</b>님(id { $id })을 승인했어요.
admin-rejected-done = ✖️ <b>{ $alias }</b>님(id { $id })을 거절하고 사유를 전했어요.
admin-already-decided = <b>{ $alias }</b>님(id { $id })의 신청은 이미 처리되었어요 (현재: { $status }).
admin-already-decided-plain = 이미 처리된 신청이에요.
admin-superseded = 이 카드를 보낸 뒤 <b>{ $alias }</b>님(id { $id })의 신청 내용이 바뀌었어요. 아무것도 처리하지 않았으니 가장 최근 카드에서 결정해 주세요.
admin-no-such-helper = id { $id } 사용자의 헬퍼 신청이 없어요.
admin-cannot-change = <b>{ $alias }</b>님(id { $id })은 그렇게 바꿀 수 없어요 (현재: { $status }).
admin-pending-none = 대기 중인 신청이 없어요.
admin-pending-title = <b>승인 대기</b> ({ $count }):
admin-approve-usage = 사용법: /approve <id>
admin-reject-usage = 사용법: /reject <id> <사유>
admin-suspend-usage = 사용법: /suspend <id> <사유>
admin-reinstate-usage = 사용법: /reinstate <id> [메모]
admin-id-missing = 사용자 id가 빠졌어요. 맨 앞에 숫자로 적어 주세요 (카드와 /pending 목록에 있어요).
    { $usage }
admin-reason-missing = 사유가 빠졌어요. id 뒤에 사유를 적어 주세요. 상대에게 그대로 전달돼요.
    { $usage }
admin-suspend-done = ⛔ <b>{ $alias }</b>님(id { $id })의 헬퍼 활동을 정지했어요.
admin-reinstate-done = ✅ <b>{ $alias }</b>님(id { $id })의 헬퍼 활동을 다시 열었어요.
admin-reject-reason-prompt = <b>{ $alias }</b>님(id { $id })을 거절하는 이유는 무엇인가요? 신청자가 이 답을 그대로 읽게 돼요. (돌아가려면 /cancel)
admin-reject-reason-hint = 사유를 텍스트로 보내 주세요.

cmd-profile = 내 헬퍼 프로필
cmd-available = 요청 받기 켜기/끄기
cmd-radius = 이동 반경
cmd-quiet = 방해 금지 시간
cmd-pending = 대기 중인 신청 (관리자)
cmd-approve = 헬퍼 승인 (관리자)
cmd-reject = 헬퍼 거절 (관리자)
cmd-suspend = 헬퍼 정지 (관리자)
cmd-reinstate = 헬퍼 복구 (관리자)

menu-ask = 🆘 도움 요청
menu-nearby = 📍 근처 요청
cmd-ask = 도움 요청하기
cmd-nearby = 근처의 열린 요청
scene-ask = 도움 요청 작성

distance-under-km = 1 km 이내
distance-about-km = 약 { $km } km
duration-minutes = { $minutes }분
duration-hours = { $hours }시간

ask-intro = 이웃에게 도움을 요청해 볼게요. 언제든 /cancel 명령어로 그만둘 수 있어요.
ask-too-many-open = 이미 열린 요청이 { $limit }개예요 (동시에 가능한 최대). /requests 명령어로 하나를 취소하거나, 하나가 닫힐 때까지 기다려 주세요.
ask-category-prompt = 어떤 도움이 필요하세요?
ask-category-hint = 버튼으로 분야를 골라 주세요.
ask-category-chosen = 분야: { $category }
ask-description-prompt = 필요한 일을 몇 문장으로 적어 주세요 (최대 { $max }자). 주소나 전화번호는 적지 마세요 — 선택한 헬퍼에게 정확한 장소가 전달돼요.
ask-description-hint = 필요한 일을 텍스트로 적어 주세요.
ask-description-personal = ⚠️ 설명에 개인 정보가 있는 것 같아요 ({ $what }): <code>{ $found }</code>
    근처의 모든 헬퍼가 이 설명을 보게 돼요. 정확한 장소는 고른 헬퍼에게 어차피 전달돼요. 그대로 둘까요, 다시 쓸까요?
ask-description-keep = 그대로 둘게요
ask-description-rewrite = ✏️ 다시 쓸게요
ask-description-choose = 버튼으로 골라 주시거나 새 설명을 보내 주세요.
ask-description-kept = 적은 그대로 둘게요.
personal-phone = 전화번호
personal-email = 이메일 주소
personal-handle = 텔레그램 @아이디
personal-link = 링크
personal-address = 주소
ask-place-prompt = 어디인가요? “📍 내 위치 보내기”를 누르거나 📎 첨부 메뉴에서 핀/장소를 보내세요. 헬퍼를 고르기 전까지 헬퍼에게는 대략적인 지역만 보여요.
ask-place-hint = 위치가 필요해요. 아래 “📍 내 위치 보내기”를 누르거나 📎 메뉴에서 핀을 보내 주세요.
ask-place-saved = 📍 장소를 저장했어요.
ask-validity-prompt = 요청을 얼마 동안 열어 둘까요? 그 뒤에는 자동으로 닫혀요.
ask-validity-other = ⌨️ 직접 입력
ask-validity-custom = 몇 분인가요? ({ $min }–{ $max })
ask-validity-hint = 버튼으로 고르거나 분 단위 숫자를 입력하세요.
ask-validity-bounds = { $min }부터 { $max }까지의 분을 숫자로 적어 주세요 (예: 45).
ask-validity-chosen = { $duration } 동안 열어 둘게요.
ask-fee-prompt = 사례금(크레딧)을 걸까요? 지금 걸 수 있는 크레딧: { $available } (열린 요청의 사례금은 따로 잡혀 있어요).
ask-fee-none = 사례금 없음
ask-fee-hint = 버튼으로 고르거나 크레딧을 숫자로 적어 주세요.
ask-fee-short =
    지금 걸 수 있는 크레딧: { $available }. 이 사례금에는 { $missing } 크레딧이 더 필요해요. 더 적은 금액을 골라도 돼요.
    { $topUp }
ask-confirm-title = <b>요청 내용을 확인하세요</b>
ask-field-category = 분야: { $category }
ask-field-description = 내용: { $description }
ask-field-place = 장소: 📍 설정됨 (헬퍼를 고르기 전에는 지역만 보여요)
ask-field-validity = 열어 둘 시간: { $duration }
ask-edit-category = ✏️ 분야
ask-edit-description = ✏️ 내용
ask-edit-place = ✏️ 장소
ask-edit-validity = ✏️ 시간
ask-edit-fee = ✏️ 사례금
ask-post = 📣 올리기
ask-cancelled = 요청을 버렸어요. 아무것도 올라가지 않았어요.
ask-posted = 📣 올렸어요! 근처 헬퍼 { $count }명에게 알렸어요. 제안이 여기에 도착하면 마음에 드는 분을 고르세요.
ask-posted-nobody = 📣 올렸어요. 지금 근처에 가능한 헬퍼가 없어요. 요청이 닫힐 때까지 계속 찾아볼게요.
ask-cancel-request = ✖️ 요청 취소

request-notice-title = 🆘 <b>{ $category }</b> · 거리 { $distance }
request-fee = 사례금: { $fee } 크레딧
request-no-fee = 사례금 없음
request-time-left = ⏳ { $minutes }분 남음
request-approximate = 📍 지도는 대략적인 지역이에요. 정확한 장소는 선택된 헬퍼에게만 전달돼요.
accept-eta-prompt = 🙋 도와주실 수 있나요? 도착할 수 있는 시간을 눌러 주세요.
request-no-longer-available = 더 이상 유효하지 않은 요청이에요.
request-closed-taken = ✔️ { $category } — 다른 헬퍼가 맡았어요. 더 이상 유효하지 않아요.
request-chosen-you = ✅ { $category } — 선택되었어요. 자세한 내용과 정확한 장소는 아래 메시지에 있어요.
request-closed-expired = ⌛ { $category } — 시간이 지나 닫혔어요. 더 이상 유효하지 않아요.
request-closed-cancelled = ✖️ { $category } — 요청자가 취소했어요. 더 이상 유효하지 않아요.
accept-sent = 제안을 보냈어요!
accept-already = 이미 이 요청에 제안했어요.
accept-too-late = 다른 헬퍼가 먼저 맡았어요. 이 요청에는 이미 헬퍼가 정해졌어요. 제안해 주셔서 고마워요!
accept-own = 내가 올린 요청이에요.
accept-not-helper = 승인된 헬퍼만 제안할 수 있어요. 등록은 /helper 명령어로 할 수 있어요.
accept-waiting = 🙋 { $eta }분 안에 가겠다고 제안했어요. 요청자가 고르면 알려 드릴게요.
offer-withdraw = ↩️ 제안 철회
offer-withdrawn-self = 제안을 철회했어요.
offer-card-title = 🙋 <b>{ $alias }</b>님이 도울 수 있어요 — 약 { $eta }분, 거리 { $distance }.
offer-photo-caption = <b>{ $alias }</b>
offer-choose = ✅ { $alias } 선택
offer-withdrawn = ↩️ { $alias }님이 제안을 철회했어요.
offer-card-not-chosen = 다른 헬퍼를 선택했어요.
offer-card-closed = 요청이 닫혔어요.
offer-not-chosen = 요청자가 “{ $category }”에 다른 헬퍼를 선택했어요. 제안해 주셔서 고마워요!
offer-chosen-requester = ✅ <b>{ $alias }</b>님을 선택했어요. 정확한 장소를 전달했어요.
chosen-title = ✅ <b>{ $category }</b> 요청에 선택되었어요!
chosen-exact-place = 정확한 장소는 아래에 있어요. 약속대로 가 주세요.
request-expired-requester = ⌛ “{ $category }” 요청이 닫혔어요. 시간 안에 선택된 헬퍼가 없어요.
request-post-again = 🔁 다시 올리기
request-cancelled-requester = 요청을 취소했어요. 요청을 본 헬퍼들에게도 알렸어요.

nearby-not-helper = /nearby 명령어는 승인된 헬퍼에게 근처의 열린 요청을 보여 줘요. 헬퍼가 되려면 /helper 명령어로 등록해 주세요.
nearby-none = 지금 근처에 열린 요청이 없어요.
nearby-title = <b>근처의 열린 요청</b> ({ $page }/{ $pages }):
nearby-open = #{ $n } 보기
nearby-entry = { $n }. { $summary }
nearby-entry-offered = { $n }. ✋ <i>제안했어요</i> · { $summary }
nearby-entry-closed = { $n }. <s>{ $category }</s> — 이제 맡을 수 없어요
page-previous = ◀️ 이전
page-next = 다음 ▶️

ask-restricted = 지금은 요청을 올릴 수 없어요. 계정이 제한되었어요. 사유: { $reason }
accept-restricted = 계정이 제한되어 지금은 요청을 수락할 수 없어요.
accept-out-of-range = 이 요청은 너무 멀어요. 내 이동 반경이나 요청자가 찾는 범위를 벗어났어요.
accept-other-category = 내가 돕는 분야의 요청이 아니에요. 분야는 /profile 명령어로 바꿀 수 있어요.
user-restricted = ⛔ 계정이 제한되었어요. 요청을 올리거나 수락할 수 없어요. 사유: { $reason }
user-unrestricted = ✅ 제한이 풀렸어요.
user-unrestricted-note = ✅ 제한이 풀렸어요. 메모: { $reason }
admin-restrict-usage = 사용법: /restrict <id> <사유>
admin-unrestrict-usage = 사용법: /unrestrict <id> [메모]
admin-restrict-done = ⛔ <b>{ $alias }</b>님(id { $id })의 계정을 제한했어요.
admin-unrestrict-done = ✅ <b>{ $alias }</b>님(id { $id })의 제한을 풀었어요.
admin-restrict-unchanged = <b>{ $alias }</b>님(id { $id })은 이미 제한되어 있어요.
admin-unrestrict-unchanged = <b>{ $alias }</b>님(id { $id })은 제한되어 있지 않아요.
admin-no-such-user = id { $id } 사용자가 없어요.
cmd-restrict = 사용자 제한 (관리자)
cmd-unrestrict = 제한 해제 (관리자)

credits-adjusted = 💳 크레딧이 { $amount }만큼 바뀌었어요 (사유: { $reason }). 잔액: { $balance } 크레딧.
admin-credit-usage = 사용법: /credit <id> <+금액 또는 -금액> <사유>
admin-amount-missing = 금액이 빠졌어요. id 뒤에 +20, -5처럼 부호를 붙인 정수를 적어 주세요 (0은 안 돼요).
    { $usage }
admin-credit-done = 완료: <b>{ $alias }</b>님(id { $id })의 잔액은 이제 { $balance } 크레딧이에요.
admin-credit-negative = <b>{ $alias }</b>님(id { $id })의 잔액은 { $balance } 크레딧이에요. 잔액은 0 아래로 내려갈 수 없어요.
cmd-credit = 크레딧 지급/차감 (관리자)

nearby-pending = 신청서가 관리자 검토를 기다리고 있어요. 승인되면 /nearby 에서 근처의 열린 요청을 볼 수 있어요.
nearby-suspended = ⛔ 헬퍼 계정이 정지되어 요청을 보여 드리지 않아요. 사유는 /profile 에서 볼 수 있어요.
nearby-restricted = ⛔ 계정이 제한되어 지금은 요청을 수락할 수 없어요. 사유: { $reason }
reg-suspended = ⛔ 헬퍼 계정이 정지되어 있어 새로 등록할 수 없어요. 사유는 /profile 에서 볼 수 있어요.
available-on-suspended = 🔔 저장했어요. 다만 헬퍼 계정이 정지되어 있어서, 관리자가 정지를 풀 때까지는 요청이 오지 않아요.
available-on-pending = 🔔 저장했어요. 관리자가 신청을 승인하면 그때부터 요청이 와요.
available-on-restricted = 🔔 저장했어요. 다만 계정이 제한되어 있어서, 제한이 풀릴 때까지는 요청이 오지 않아요.
profile-restricted = ⛔ 계정이 제한되어 요청을 받거나 수락할 수 없어요. 사유: { $reason }

ask-resume-prompt = 작성하다 만 요청이 있어요. 이어서 할까요?
draft-kept-ask = 📝 작성 중인 요청은 그대로 남아 있어요. 지금 이어서 할까요, 아니면 버릴까요?
draft-kept-helper = 📝 작성 중인 헬퍼 등록은 그대로 남아 있어요. 지금 이어서 할까요, 아니면 버릴까요?
draft-continue = ▶️ 이어서 하기
draft-discard = 🗑 버리기
draft-discarded-ask = 작성 중인 요청을 버렸어요. 새 요청은 /ask 명령어로 시작할 수 있어요.
draft-discarded-helper = 작성 중인 등록을 버렸어요. /helper 명령어로 다시 시작할 수 있어요.
reg-apply-again = 지난번에 보내신 신청서예요. 관리자가 말한 부분을 카드 아래 버튼으로 고친 다음 다시 제출해 주세요.
cmd-requests = 내 요청
cmd-chat = 열린 대화
top-up-contact = 충전하려면 다음 연락처로 문의하시고 계정 번호도 알려 주세요. 연락처: { $contact } · 계정 번호: { $id }
top-up-ask-admin = 충전하려면 관리자에게 문의하시고 계정 번호도 알려 주세요. 계정 번호: { $id }
top-up-buy = /topup 명령어로 이 요청을 벗어나지 않고 크레딧을 충전할 수 있어요.
admin-credit-reserved = <b>{ $alias }</b>님(id { $id }) · 잔액 { $balance } 크레딧 중 { $reserved } 크레딧은 열린 요청의 사례금으로 잡혀 있어요. 지금은 그만큼 회수할 수 없어요.
request-time-left-soon = ⏳ 1분 미만 남음
posted-category = 요청: { $category }
posted-matched = ✅ { $category } — 헬퍼를 선택했어요: { $alias }. 다른 헬퍼에게는 요청이 닫혔어요.
posted-expired = ⌛ { $category } — 선택된 헬퍼 없이 닫혔어요.
posted-cancelled = ✖️ { $category } — 요청을 취소했어요. 요청을 본 헬퍼들에게도 알렸어요.
request-cancel-matched = 이미 헬퍼를 선택한 요청이라 여기서는 취소할 수 없어요.
my-requests-title = <b>내 요청</b>
my-requests-none = 열린 요청도, 최근 { $days }일 안에 닫힌 요청도 없어요. /ask 명령어로 새 요청을 올려 보세요.
my-requests-offers = { $count ->
    [0] 제안 없음
   *[other] 제안 { $count }건
}
my-requests-open = 🟢 열림 · { $left } · 지금까지 { $offers }
my-requests-matched = ✅ 헬퍼 선택됨 · { $offers }
my-requests-expired = ⌛ 만료됨 · { $offers }
my-requests-cancelled = ✖️ 취소됨 · { $offers }
my-requests-cancel = ✖️ { $n }번 취소
my-requests-post-again = 🔁 { $n }번 다시 올리기
my-requests-footer = 열린 요청이 먼저, 그다음 최근 { $days }일 안에 닫힌 요청이에요.

# 요청자와 선택된 헬퍼 사이의 익명 대화.
chat-banner-title-requester = 💬 <b>{ $alias }님과 대화가 열렸어요.</b>
chat-banner-title-helper = 💬 <b>{ $alias }님과 대화가 열렸어요.</b> 요청자가 나를 선택했어요.
chat-banner-request = 요청: { $category } — { $description }
chat-banner-request-bare = 요청: { $category }
chat-banner-copies = 여기서 보내는 메시지는 doum이 복사해서 전해요. 상대방에게는 별명만 보이고, 이름·아이디·전화번호는 보이지 않아요.
chat-banner-code-requester = 🔑 만남 코드: <b>{ $code }</b>. { $alias }님이 도착하면 이 코드를 말할 거예요. 코드가 맞으면 약속한 분이 맞아요.
chat-banner-code-helper = 🔑 만남 코드: <b>{ $code }</b>. 도착하면 이 코드를 말해 주세요. { $alias }님이 약속한 헬퍼인지 확인할 수 있어요.
chat-banner-writing-here = ✍️ 지금 이 대화에 쓰고 있어요.
chat-banner-come-back = 나중에 이 대화로 돌아오려면 /chat 명령어를 보내 주세요.
chat-banner-ended = 🏁 <b>{ $alias }</b>님과의 대화가 끝났어요.
chat-list = 열린 대화가 { $count }개 있어요. 어느 대화에 쓸까요? 다른 대화를 고를 때까지 메시지는 고른 대화로 가요.
chat-list-button = { $alias } · { $category }
chat-list-button-focused = ✍️ { $alias } · { $category }
chat-none = 열린 대화가 없어요. 요청자가 헬퍼를 선택하면 대화가 열려요.
chat-focus-set = ✍️ 이제 { $alias }님에게 써요.
relay-choose-first = 열린 대화가 여러 개라서 이 메시지는 보내지 않았어요. 쓸 대화를 고른 다음 다시 보내 주세요.
relay-held = 🔒 이 메시지로 내가 누구인지 알려질 수 있어요 (포함된 정보: { $what }). 그래도 { $alias }님에게 보낼까요?
relay-held-contact = 연락처 카드
relay-held-send = 그래도 보내기
relay-held-drop = 보내지 않기
relay-held-sent = ✅ { $alias }님에게 보냈어요.
relay-held-dropped = 보내지 않았어요.
relay-edit-held = 수정한 내용으로 내가 누구인지 알려질 수 있어서 전하지 않았어요. { $alias }님에게는 이전 내용이 그대로 보여요. 보여 주고 싶다면 새 메시지로 보내 주세요.
relay-refused = ⚠️ 이 메시지는 { $alias }님에게 전해지지 않았어요. 상대방이 이런 종류의 메시지를 받지 않아요. 글로 보내 보세요.
chat-closed-unreachable = ⚠️ { $alias }님과 더 이상 연락할 수 없어요. 상대방이 봇을 멈췄어요. 이 대화는 닫혔고, 아직 전해지지 않은 메시지는 전달되지 않아요.
my-requests-completed = 🏁 완료 · { $offers }

# Ending a chat: Complete, Cancel, Report
chat-actions-intro = 만나서 일이 끝나면 두 분 모두 <b>완료</b>를 눌러 주세요. <b>취소</b>는 대화를 일찍 끝내고, <b>신고</b>는 문제가 있을 때 관리자에게 알려요.
chat-complete = ✅ 완료
chat-cancel = ✖️ 취소
chat-report = 🚩 신고
chat-complete-already = 이미 완료를 눌렀어요.
chat-complete-waiting = 고마워요! 상대(<b>{ $alias }</b>)도 완료를 누르기를 기다리고 있어요. { $reminder } 뒤에 상대에게 다시 알려 드리고, 완료를 누른 뒤 { $timeout } 동안 답이 없으면 내 확인만으로 완료돼요.
chat-complete-reminder = 상대(<b>{ $alias }</b>)가 완료를 눌렀어요. 일이 끝났다면 완료를 눌러 주세요. 답이 없으면 { $left } 뒤 상대의 확인만으로 완료돼요.
chat-completed = 🏁 상대(<b>{ $alias }</b>)와의 대화가 완료되었어요. 두 분 모두 고마워요!
chat-completed-timeout = 🏁 상대(<b>{ $alias }</b>)와의 대화가 완료되었어요. 한쪽이 확인했고 다른 쪽은 답이 없었어요.
chat-completed-badge = 도움 배지 1개를 받았어요. /badges 에서 모두 볼 수 있어요.
chat-completed-fee-received = 사례금 중 { $received } 크레딧이 들어왔어요.
chat-completed-fee-paid = 맡겨 둔 사례금 { $fee } 크레딧 중 { $received } 크레딧이 헬퍼에게 전달되었어요.
chat-completed-fee-share = { $share } 크레딧은 기부 보드에 기부된 도움 배지를 뒷받침하는 기부 풀로 갔어요.
chat-cancel-confirm-fee-part = 사례금 중 { $fee } 크레딧은 출발한 헬퍼에게 가고, 나머지는 돌려받아요.
chat-ended-fee-part-received = 출발해 주신 몫으로 사례금 중 { $fee } 크레딧이 들어왔어요.
chat-ended-fee-part-paid = 사례금 중 { $part } 크레딧은 출발한 헬퍼에게 가고 { $returned } 크레딧은 돌려받았어요.
fee-returned-to-you = 사례금 { $fee } 크레딧을 돌려받았어요.
chat-cancel-confirm-free = 지금 대화를 끝낼까요? 아직 유예 시간 안이라 벌점은 없어요.
chat-cancel-confirm-penalty = 지금 대화를 끝낼까요? 유예 시간이 지나서 지금 취소하면 벌점 배지 1개를 받아요.
chat-cancel-yes = ✖️ 네, 대화를 끝낼게요
chat-cancelled-self = 상대(<b>{ $alias }</b>)와의 대화를 끝냈어요.
chat-cancelled-self-penalty = 상대(<b>{ $alias }</b>)와의 대화를 끝냈어요. 유예 시간이 지난 뒤라 벌점 배지 1개를 받았어요.
chat-cancelled-by-helper = 헬퍼(<b>{ $alias }</b>)가 취소해서 대화가 끝났어요. 요청을 다시 올리려면 /ask
chat-cancelled-by-requester = 요청자(<b>{ $alias }</b>)가 취소해서 대화가 끝났어요.
chat-ended-closed-in-group = <b>{ $alias }</b>님과의 대화가 끝났어요. 그룹 대화는 나머지 분들과 계속돼요.
chat-ended-closed = 대화가 끝났어요. 다시 도움이 필요하면: /ask

# Reports
report-pick-member = 누구에 대한 신고인가요? 신고는 관리자만 읽고, 누가 신고했는지 아무에게도 알리지 않아요.
report-member-requester = { $alias } · 도움 요청한 분
report-member-helper = { $alias } · 헬퍼
report-pick-reason = 어떤 문제가 있었나요? 신고는 관리자만 읽고, 누가 신고했는지 상대에게 알리지 않아요.
report-reason-abuse = 욕설이나 무례한 행동
report-reason-scam = 사기나 금전 요구
report-reason-noshow = 나타나지 않음
report-reason-other = 기타
report-sent = 신고가 관리자에게 전달되었어요. 고마워요.
report-end-chat = ✖️ 지금 대화 끝내기
report-chat-ended = 대화가 끝났어요. 신고는 관리자에게 그대로 남아 있어요.
report-admin-title = 🚩 <b>대화 #{ $chat } 신고</b>: { $reason }
report-admin-reporter = 신고한 사람: <b>{ $alias }</b> (id { $id })
report-admin-reported = 신고된 사람: <b>{ $alias }</b> (id { $id })
report-admin-request = 요청: { $category } — { $description }
report-admin-no-messages = 이 대화에서 아직 주고받은 메시지가 없어요.
report-admin-messages = 최근 메시지 { $count }개가 이어서 와요. 오래된 것부터 보낸 사람 순서: { $senders }
report-warn = ⚠️ 경고
report-restrict = ⛔ 제한
report-close-chat = ✖️ 대화 종료
report-warn-done = 경고를 보냈어요.
report-restrict-done = 제한했어요.
report-restrict-already = 이미 제한된 사용자예요.
report-close-done = 대화를 종료했어요.
report-warned-user = ⚠️ 대화에서의 행동에 대해 관리자가 경고했어요. 규칙을 지켜 주세요. 계속되면 계정이 제한될 수 있어요.
report-dismiss = 🗑 기각
report-dismiss-done = 신고를 기각했어요.
report-chat-already-ended = 이 대화는 이미 끝났어요. 종료할 것이 없으니 경고, 제한 또는 기각을 골라 주세요.
report-decided-warned = ⚠️ { $admin }님이 경고했어요.
report-decided-restricted = ⛔ { $admin }님이 제한했어요.
report-decided-closed = ✖️ { $admin }님이 대화를 종료했어요.
report-decided-dismissed = 🗑 { $admin }님이 기각했어요.

# After a completed chat
review-rate = 상대(<b>{ $alias }</b>)와 어땠나요? 1부터 5까지 평가해 주세요.
review-rated = 평점: { $rating }
review-mark = 상대(<b>{ $alias }</b>)에게 색을 남길까요? 다음에 나만 이 색을 보게 돼요. 차단은 아니에요.
mark-none = 없음
mark-green = 초록
mark-yellow = 노랑
mark-red = 빨강
review-comment-ask = 다른 사람이 읽을 짧은 후기를 남길까요? 다음 메시지로 보내 주세요(300자까지). 건너뛰어도 돼요.
review-comment-skip = 건너뛰기
review-comment-saved = 고마워요. 후기가 저장되었어요.
review-comment-too-long = 300자가 넘어요. 더 짧게 보내 주세요.
review-thanks = 평가해 주셔서 고마워요.

# No-show
no-show-question = 시간 안에 아무도 완료를 누르지 않았어요. 헬퍼(<b>{ $alias }</b>)가 도우러 왔나요?
no-show-came = ✅ 네, 왔어요
no-show-absent = ✖️ 아니요, 안 왔어요
no-show-recorded = 헬퍼(<b>{ $alias }</b>)가 오지 않은 것으로 기록했어요. 대화는 종료되고 헬퍼는 벌점 배지 1개를 받았어요.
no-show-helper-told = 요청자가 헬퍼님이 오지 않았다고 답해서 대화가 종료되었어요.

# Penalties, badges, prizes
penalty-reason-helper-cancel = 선택된 헬퍼로서 유예 시간 뒤에 취소
penalty-reason-requester-cancel = 헬퍼를 고른 뒤 유예 시간이 지나 취소
penalty-reason-no-show = 선택된 뒤 오지 않음
penalty-given = 벌점 배지 1개를 받았어요. 사유: { $reason }. 벌점: { $penalties }/{ $limit }
penalty-given-limited = 벌점 배지 1개를 받았어요. 사유: { $reason }. 벌점이 { $penalties }개(한도 { $limit }개)라서 이제 요청을 올리거나 수락할 수 없어요. 도움 배지로 벌점을 지우려면 /redeem
ask-penalties = 지금은 요청을 올릴 수 없어요. 벌점 배지가 { $penalties }개예요(한도 { $limit }개). 도움 배지로 하나를 지우려면 /redeem, 현황은 /badges
accept-penalties = 벌점 한도에 닿아서 지금은 요청을 수락할 수 없어요. /badges 에서 벌점을 지우는 방법을 볼 수 있어요.
prize-reached = 🎉 도움 배지 { $badges }개를 모았어요. 상품을 받을 수 있어요! 관리자가 연락드릴 거예요.
prize-reached-admin = 🎉 도움 배지 { $badges }개 달성: <b>{ $alias }</b> (id { $id }). 상품을 준비해 주세요.
badges-title = <b>내 배지</b>
badges-help = 🏅 도움 배지: { $help }
badges-penalties = ⚠️ 벌점: { $penalties } (한도 { $limit })
badges-not-restricted = 요청을 올리고 수락할 수 있어요.
badges-restricted-penalties = ⛔ 벌점을 지울 때까지 요청을 올리거나 수락할 수 없어요.
badges-restricted-admin = ⛔ 관리자가 계정을 제한했어요. 사유: { $reason }
badges-prize = 🎁 상품까지: 도움 배지 { $help }/{ $threshold }
badges-redeem-hint = /redeem — 도움 배지 { $needed }개로 벌점 1개를 지울 수 있어요.
badges-history = <b>최근 기록</b>
badges-history-help = 도움 { $amount }
badges-history-penalty = 벌점 { $amount }
badge-reason-completed = 완료한 도움
badge-reason-redeemed = 벌점 지움
badge-reason-helper-cancel = 헬퍼로서 늦은 취소
badge-reason-requester-cancel = 요청자로서 늦은 취소
badge-reason-no-show = 오지 않음
redeem-confirm = 도움 배지 { $help }개 중 { $needed }개를 써서 벌점 { $penalties }개 중 1개를 지울까요?
redeem-yes = ✅ 네, 지울게요
redeem-no = 배지 그대로 두기
redeem-kept = 아무것도 쓰지 않았어요.
redeem-done = 벌점 1개를 지웠어요. 도움 배지: { $help }, 벌점: { $penalties }
redeem-no-penalty = 지울 벌점이 없어요.
redeem-short = 벌점을 지우려면 도움 배지가 { $needed }개 필요해요. 지금 가진 배지: { $help }
record-helps = 🏅 완료한 도움: { $helps } · 도움 배지: { $badges }
record-rating = ⭐ { $average } (평가 { $count }개)
record-no-rating = ⭐ 아직 평가가 없어요
record-your-mark = { $icon } 내가 남긴 색: { $colour } (나만 보여요)
cmd-badges = 내 배지와 벌점
cmd-redeem = 도움 배지로 벌점 지우기

# 크레딧: /balance, /topup, 결제
cmd-balance = 내 크레딧과 최근 변동
cmd-topup = 크레딧 충전
cmd-paysupport = 결제 문의
cmd-privacy = doum이 보관하는 정보
balance-title = <b>내 크레딧</b>
balance-available = 💰 사례금으로 쓸 수 있는 크레딧: { $available }
balance-held = 🔒 열린 요청이나 매칭된 요청에 잡혀 있는 크레딧: { $held }
balance-total = 잔액: { $balance }
balance-no-history = 아직 크레딧 변동이 없어요.
balance-history = <b>최근 기록</b>
balance-topup-hint = /topup 명령어로 크레딧을 충전할 수 있어요.
credit-reason-admin = 관리자 지급 · 사유: { $note }
credit-reason-topup = 충전
credit-reason-fee-paid = 요청 #{ $request } 사례금 지급
credit-reason-fee-received = 요청 #{ $request } 사례금 받음
credit-reason-fee-held = 요청 #{ $request } 사례금 맡김
credit-reason-fee-held-paid = 요청 #{ $request } 사례금 맡김, 헬퍼에게 지급됨
credit-reason-fee-returned = 요청 #{ $request } 사례금 돌려받음
credit-reason-cancel-fee = 요청 #{ $request } 늦은 취소로 받은 사례금 일부
board-backing = 💳 이 보드의 배지를 뒷받침하는 크레딧: { $credits } (지금 기부 풀: { $pool })
topup-choose = 몇 크레딧을 충전할까요? 1크레딧 가격: { $price }
topup-button = { $credits } 크레딧 — { $price }
topup-no-provider = 이 봇에서는 카드 결제로 충전할 수 없어요. { $how }
topup-invoice-title = doum 크레딧 { $credits }개
topup-invoice-description = doum 잔액에 더해지는 크레딧 { $credits }개예요. 도움을 요청할 때 사례금으로 쓸 수 있어요.
topup-invoice-label = 크레딧 { $credits }개
topup-refused-no-provider = 지금은 이 봇에서 결제를 받지 않아요. 결제된 금액은 없어요.
topup-refused-unknown-order = 봇이 (더 이상) 제공하지 않는 주문이라 결제하지 않았어요. /topup 명령어로 다시 시작해 주세요.
topup-refused-wrong-price = 주문 가격이나 통화가 지금 조건과 달라서 결제하지 않았어요. /topup 명령어로 다시 시작해 주세요.
topup-credited = ✅ 결제가 완료됐어요: +{ $credits } 크레딧. 지금 쓸 수 있는 크레딧: { $available }
topup-already = 이 결제는 이미 잔액에 반영됐어요. 지금 쓸 수 있는 크레딧: { $available }
topup-unmatched = 결제는 도착했지만 내 주문과 맞지 않아서 크레딧을 더하지 않았어요. 결제 기록은 남아 있으니 /paysupport 명령어로 문의해 주세요.
paysupport =
    <b>결제 문의</b>
    충전이 반영되지 않았거나, 두 번 결제됐거나, 쓰지 않은 크레딧을 환불받고 싶다면: { $how }
    결제한 시각과 금액도 함께 알려 주세요.
paysupport-contact = 다음 연락처로 계정 번호와 함께 문의해 주세요. 연락처: { $contact } · 계정 번호: { $id }
paysupport-ask-admin = 관리자에게 계정 번호와 함께 문의해 주세요. 계정 번호: { $id }
privacy =
    <b>doum이 보관하는 정보</b>
    • 텔레그램 id, 언어, 다른 사람에게 보이는 별명. 대화에서 직접 보내지 않는 한 이름, 사용자명, 전화번호는 보관하지 않아요.
    • 올리거나 제안한 내용(요청, 장소, 시간), 헬퍼 프로필, 배지, 평가, 크레딧 기록.
    • 대화 메시지는 복사본으로 전달되고, 원본과 복사본의 연결은 대화가 끝나면 지워져요.
    • 결제: 금액, 통화, 텔레그램 결제 번호. 카드 정보는 결제 대행사로 바로 가고 doum은 볼 수 없어요.
    doum 밖으로 팔거나 공유하지 않아요. 정보 삭제를 원하시면 /paysupport 명령어로 문의해 주세요.
cmd-boards = 기부 보드
cmd-newboard = 기부 보드 만들기 (관리자)
scene-board = 기부 보드 작성
scene-walk = 같이 걷기 시작
badges-donated = 💝 기부 보드에 기부한 도움 배지: { $donated }개
badges-supported = 🤝 후원하는 단체: { $organisations }
badge-reason-donated = 기부 보드에 기부
record-donated = 💝 기부 보드에 기부한 배지: { $donated }
boards-title = <b>기부 보드</b>
boards-empty = 지금 열려 있는 기부 보드가 없어요.
board-progress = { $bar } · 도움 배지 { $raised }/{ $goal }
board-organisation = 🏠 { $organisation }
board-supporters = 🤝 후원자: { $aliases }
board-no-supporters = 🤝 아직 후원자가 없어요.
board-closed-goal = ✅ 목표를 달성해서 마감된 보드예요. 후원해 주신 모든 분께 감사드려요!
board-closed = 마감된 보드예요.
board-donate-button = 🏅 { $amount }개 기부
board-edit-button = ✏️ 수정
board-close-button = ✖️ 보드 마감
board-gone = 더 이상 열 수 없는 보드예요.
board-donate-confirm = 도움 배지 { $help }개 중 { $amount }개를 “{ $title }” 보드에 기부할까요? (단체: { $organisation }) 기부한 배지는 돌려받거나 벌점을 지우는 데 쓸 수 없지만, 상품까지의 배지 수에는 그대로 들어가요.
board-donate-yes = ✅ 네, { $amount }개 기부할게요
board-donate-no = 배지 그대로 두기
board-donate-kept = 아무것도 기부하지 않았어요.
board-donate-done = 💝 감사해요! “{ $title }” 보드에 도움 배지 { $amount }개를 기부했어요. 이제 { $organisation } 후원자예요. 남은 도움 배지: { $help }개
board-donate-reached-goal = 🎉 이번 기부로 보드가 목표를 달성해서 마감됐어요.
board-donate-short = 가진 도움 배지가 { $help }개라서 { $amount }개를 기부할 수 없어요. 아무것도 기부되지 않았어요.
board-donate-over-goal = 이 보드에는 도움 배지가 { $remaining }개만 더 필요해서 { $amount }개를 기부할 수 없어요. 아무것도 기부되지 않았어요.
board-donate-already = 이미 처리된 기부예요.
board-goal-reached-donor = 🎉 “{ $title }” 보드가 목표인 도움 배지 { $goal }개를 달성해서 마감됐어요. 단체: { $organisation }. 후원해 주셔서 감사해요!
board-goal-reached-admin = 🎉 기부 보드가 목표를 달성해서 마감됐어요: “{ $title }” (단체: { $organisation }, 도움 배지 { $goal }개)
board-close-confirm = “{ $title }” 보드를 마감할까요? 더 이상 기부할 수 없고, 이미 기부된 배지는 그대로 남아요.
board-close-yes = ✖️ 네, 마감할게요
board-close-no = 열어 두기
board-close-kept = 보드를 계속 열어 둘게요.
board-closed-done = “{ $title }” 보드를 마감했어요.
board-scene-intro = 새 기부 보드를 만들어요. 다섯 가지를 여쭤볼게요. /cancel 명령어를 보내면 아무것도 저장하지 않고 나가요.
board-scene-edit-intro = 기부 보드를 수정해요. 그대로 둘 항목은 그대로 두기 버튼을 눌러 주세요. /cancel 명령어를 보내면 아무것도 바꾸지 않고 나가요.
board-scene-current = {"\u000A"}지금: <i>{ $value }</i>
board-scene-keep = 그대로 두기
board-scene-organisation = 어느 단체를 위한 보드인가요? ({ $max }자 이내)
board-scene-organisation-hint = 단체 이름을 글로 보내 주세요.
board-scene-title = 보드 제목은 무엇인가요? ({ $max }자 이내)
board-scene-title-hint = 보드 제목을 글로 보내 주세요.
board-scene-needed = 무엇이 필요하고, 배지가 어디에 쓰이나요? ({ $max }자 이내)
board-scene-needed-hint = 필요한 것을 글로 보내 주세요.
board-scene-goal = 도움 배지가 몇 개 필요한가요? 1000처럼 숫자로 보내 주세요.
board-scene-goal-hint = 1부터 1,000,000까지의 숫자로 보내 주세요. 예: 1000
board-scene-photo = 보드에 넣을 사진을 보내 주세요. 사진이 없으면 사진 없음 버튼을 눌러 주세요.
board-scene-photo-current = {" "}지금은 사진이 있어요.
board-scene-photo-hint = 사진을 보내거나 사진 없음 버튼을 눌러 주세요.
board-scene-no-photo = 사진 없음
board-scene-created = ✅ 기부 보드를 열었어요: “{ $title }”. /boards 에서 볼 수 있어요.
board-scene-edited = ✅ 기부 보드를 저장했어요: “{ $title }”.
board-scene-gone = 마감된 보드라서 아무것도 바꾸지 않았어요.

# The /admin console (src/ui/statistics-cards.ts).
admin-console = <b>🛠 관리자 콘솔</b>
    통계를 볼 기간을 고르거나, 목록을 열거나, 사용자를 찾아 주세요.
admin-stats-button-today = 📅 오늘
admin-stats-button-7d = 7일
admin-stats-button-30d = 30일
admin-stats-period-today = 오늘
admin-stats-period-7d = 최근 7일
admin-stats-period-30d = 최근 30일
admin-stats = <b>📊 통계 — { $period }</b>
    { $from } → { $to }
    👥 사용자: { $users }명 (이 기간 신규: { $joined }명)
    🙋 현재 헬퍼: 승인 { $approved } · 대기 { $pending } · 정지 { $suspended } · 미승인 { $rejected }
    📝 올라온 요청: { $posted }건 — 진행 중 { $open } · 매칭 { $matched } · 완료 { $completed } · 만료 { $expired } · 취소 { $cancelled }
    ✅ 완료율: { $rate }
    ⏱ 첫 제안까지 걸린 시간(중앙값): { $firstOffer }
    🤝 매칭까지 걸린 시간(중앙값): { $match }
    🏅 지급된 도움 배지: { $badges }개
    💳 오간 크레딧: { $credits }
    🎁 기부된 배지: { $donated }개
admin-stats-minutes = { $minutes }분
admin-stats-percent = { $percent }%
admin-stats-none = — (아직 없어요)
admin-lookup-title = <b>{ $alias }</b> (id { $id }), 가입 { $joined }
admin-lookup-helper = 헬퍼: { $status }
admin-lookup-not-restricted = 제한 없음
admin-lookup-restricted = ⛔ 제한됨: { $reason }
admin-lookup-badges = 🏅 도움 배지: { $help } · 벌점: { $penalties } · 기부: { $donated }
admin-lookup-credits = 💳 크레딧: { $balance } (요청에 묶임: { $reserved }, 쓸 수 있음: { $available })
admin-lookup-ledger = <b>최근 크레딧 내역</b>
admin-lookup-audit = <b>최근 관리자 조치</b>
admin-lookup-nothing = • 없음
admin-lookup-none = id나 별명이 “{ $query }”인 사용자가 없어요.
cmd-admin = 관리자 콘솔: 통계, 목록, 사용자 (관리자)

# /admin 콘솔의 메뉴와 목록 (src/ui/admin-console-cards.ts).
admin-menu-pending = ⏳ 승인 대기 헬퍼
admin-menu-requests = 📋 진행 중인 요청
admin-menu-chats = 💬 진행 중인 대화
admin-menu-reports = 🚩 신고
admin-menu-boards = 📌 기부 보드
admin-menu-find = 🔎 사용자 찾기
admin-back = ↩️ 뒤로
admin-page-previous = ‹
admin-page-next = ›
admin-requests-title = <b>📋 진행 중인 요청</b>: { $total }건 · { $pages }쪽 중 { $page }쪽
admin-requests-none = <b>📋 진행 중인 요청</b>
    지금 열려 있거나 연결된 요청이 없어요.
admin-requests-row-open = • #{ $id } { $category } — <b>{ $alias }</b> · 모집 중 · 제안 { $offers }건 · { $age } 전에 올림 · { $left } 남음
admin-requests-row-matched = • #{ $id } { $category } — <b>{ $alias }</b> · 연결됨 · { $age } 전에 올림
admin-chats-title = <b>💬 진행 중인 대화</b>: { $total }건 · { $pages }쪽 중 { $page }쪽
admin-chats-none = <b>💬 진행 중인 대화</b>
    지금 열려 있는 대화가 없어요.
admin-chats-row = • #{ $id } <b>{ $requester }</b> ↔ <b>{ $helper }</b> — { $category } (요청 #{ $request }) · { $since }부터
admin-reports-title = <b>🚩 신고</b>: { $total }건, 처리 전인 것부터 · { $pages }쪽 중 { $page }쪽
admin-reports-none = <b>🚩 신고</b>
    아직 신고가 없어요.
admin-reports-row = • #{ $id } 대화 #{ $chat }: { $reason } — <b>{ $reporter }</b>님이 <b>{ $reported }</b>님을 신고 · { $at }
admin-reports-open = {"   "}🟡 처리 전: 아래 버튼으로 신고 카드를 열어 결정해 주세요.
admin-reports-open-button = ⚖️ #{ $id }
admin-report-decided = 이미 처리된 신고예요. 누가 처리했는지는 목록에서 볼 수 있어요.
admin-find-prompt = 🔎 찾을 사용자의 별명이나 id를 보내 주세요. (돌아가려면 /cancel)
admin-find-hint = 별명이나 id를 글로 보내 주세요.
admin-find-again = 다른 별명이나 id를 보내 주세요. 그만두려면 /cancel 명령어를 보내 주세요.
# 사용자 카드 (src/ui/user-lookup-card.ts)와 버튼이 묻는 것 (scenes/adjust-user.ts).
scene-findUser = 사용자 찾기
scene-adjustUser = 사용자 조치
admin-user-restrict = ⛔ 제한
admin-user-lift = ✅ 제한 해제
admin-user-credits = 💳 크레딧 조정
admin-user-help = 🏅 도움 배지 조정
admin-user-penalty = ⚠️ 벌점 조정
admin-adjust-amount-help = <b>{ $alias }</b>님(id { $id })의 도움 배지를 얼마나 바꿀까요? 지금 { $current }개예요. +2나 -1처럼 + 또는 -를 붙인 정수로 보내 주세요. (돌아가려면 /cancel)
admin-adjust-amount-penalty = <b>{ $alias }</b>님(id { $id })의 벌점을 얼마나 바꿀까요? 지금 { $current }개예요. +1이나 -1처럼 + 또는 -를 붙인 정수로 보내 주세요. (돌아가려면 /cancel)
admin-adjust-amount-credits = <b>{ $alias }</b>님(id { $id })의 크레딧 잔액을 얼마나 바꿀까요? 지금 잔액: { $current }. +20이나 -5처럼 + 또는 -를 붙인 정수로 보내 주세요. (돌아가려면 /cancel)
admin-adjust-amount-hint = 0이 아니고 절댓값이 { $max } 이하인 정수를 + 또는 -와 함께 보내 주세요. 예: +2, -1
admin-adjust-below-zero = 그러면 0 아래로 내려가요(현재: { $current }). 다른 숫자를 보내 주세요. 그만두려면 /cancel 명령어를 보내 주세요.
admin-adjust-reason-restrict = <b>{ $alias }</b>님(id { $id })을 제한하는 이유는 무엇인가요? 사용자가 이 답을 읽어요. (돌아가려면 /cancel)
admin-adjust-reason-lift = <b>{ $alias }</b>님(id { $id })의 제한을 푸는 이유는 무엇인가요? 사용자가 이 답을 읽어요. (돌아가려면 /cancel)
admin-adjust-reason-help = 이유는 무엇인가요? <b>{ $alias }</b>님(id { $id })이 변경 내용과 함께 읽어요. (돌아가려면 /cancel)
admin-adjust-reason-penalty = 이유는 무엇인가요? <b>{ $alias }</b>님(id { $id })이 변경 내용과 함께 읽어요. (돌아가려면 /cancel)
admin-adjust-reason-credits = 이유는 무엇인가요? <b>{ $alias }</b>님(id { $id })이 변경 내용과 함께 읽어요. (돌아가려면 /cancel)
admin-adjust-reason-hint = 이유를 글로 보내 주세요.
admin-badges-done-help = 완료: <b>{ $alias }</b>님(id { $id })의 도움 배지는 이제 { $count }개예요.
admin-badges-done-penalty = 완료: <b>{ $alias }</b>님(id { $id })의 벌점은 이제 { $count }개예요.
admin-badges-below-zero-help = <b>{ $alias }</b>님(id { $id })의 도움 배지는 { $count }개이고, 0 아래로 내려갈 수 없어요. 바뀐 것은 없어요.
admin-badges-below-zero-penalty = <b>{ $alias }</b>님(id { $id })의 벌점은 { $count }개이고, 0 아래로 내려갈 수 없어요. 바뀐 것은 없어요.
badges-adjusted-help = 🏅 관리자가 도움 배지를 { $amount }개 조정했어요 ({ $reason }). 지금 { $count }개예요.
badges-adjusted-penalty = ⚠️ 관리자가 벌점을 { $amount }개 조정했어요 ({ $reason }). 지금 { $count }개예요.
# 사용자 카드의 관리자 조치, 말로.
audit-helper-approve = 헬퍼 승인
audit-helper-reject = 헬퍼 신청 반려
audit-helper-suspend = 헬퍼 정지
audit-helper-reinstate = 헬퍼 복귀
audit-user-restrict = 제한
audit-user-unrestrict = 제한 해제
audit-credits-adjust = 크레딧 조정
audit-badges-help = 도움 배지 조정
audit-badges-penalty = 벌점 조정
audit-report-warn = 신고 후 경고
audit-report-dismiss = 신고 기각

## 집까지 같이 걷기 (issue 13)
category-walkhome = 집까지 같이 걷기
menu-walk = 🚶 집까지 같이 걷기
cmd-walkhome = 집까지 같이 걷기: 귀갓길 동행과 도착 확인
cmd-safety = 안전 PIN과 보호자 연락처
walk-emergency = ☎️ 실제로 위험하면 지금 바로 { $number }에 전화하세요. 이 봇은 긴급 구조 서비스가 아니에요.
walk-safe-button = 🏠 안전해요
walk-notice = 🚶 <b>{ $category }</b>, 약 { $distance } 거리: 지금 귀갓길을 함께 걸어 줄 분을 찾고 있어요 ({ $until }쯤까지). 지금 갈 수 있으면 아래에서 제안해 주세요. 정확한 위치는 선택된 분만 봐요.
walk-live-prompt = 🚶 <b>집까지 같이 걷기</b>
    <b>실시간 위치</b>를 공유해 주세요: 📎 → 위치 → 실시간 위치 공유 (걷는 시간보다 길게). 헬퍼를 고르면 그분이 내 위치가 움직이는 걸 봐요.
walk-live-hint = 실시간 위치를 공유해 주세요: 📎 → 위치 → 실시간 위치 공유.
walk-live-needed = 한 번만 보내는 위치예요. 헬퍼가 따라올 수 있도록 실시간 위치가 필요해요: 📎 → 위치 → 실시간 위치 공유.
walk-destination-prompt = 어디로 가세요? (선택, 100자까지, 예: “합정역 근처 집”) 선택한 헬퍼만 읽어요.
walk-destination-hint = 가는 곳을 적거나 건너뛰기를 눌러 주세요.
walk-destination-skip = 건너뛰기
walk-checkin-prompt = 언제쯤 도착할 것 같아요? 그때까지 안전하다고 확인하지 않으면 먼저 물어보고, 그다음 다른 분들에게 알려요.
walk-checkin-hint = 시간을 고르거나 분을 숫자로 적어 주세요.
walk-checkin-bounds = { $min }부터 { $max }까지의 분을 숫자로 적어 주세요 (예: 25).
walk-checkin-chosen = { $duration } 뒤에 도착 확인.
walk-started = 🚶 같이 걷기를 시작했어요. 알림 받은 헬퍼: { $notified }명. 도착 확인: { $until }.
walk-started-nobody = 지금은 근처에 같이 걷기 요청을 받는 헬퍼가 없어요. 요청을 켜는 헬퍼에게는 바로 알려요. 도착 확인은 그대로라서, 놓치면 관리자와 보호자 연락처에 알려요.
walk-how-it-ends = 안전해지면 “🏠 안전해요”를 누르고 안전 PIN을 입력하세요. 그래야만 같이 걷기가 끝나요.
walk-already = 이미 진행 중인 같이 걷기가 있어요. 안전해지면 “🏠 안전해요”를 누르고 PIN을 입력하세요.
walk-restricted = 계정이 제한된 동안에는 같이 걷기를 시작할 수 없어요. 위험하면 긴급 번호로 전화하세요.
walk-needs-pin = 처음 같이 걷기 전에 안전 PIN을 정해 주세요. 안전하다고 확인할 때 써요. /safety 명령어나 아래 버튼을 쓰세요.
walk-helper-chosen = 🚶 <b>{ $alias }</b>님과 함께 걸어요. 실시간 위치가 이어서 와요. 도착 확인 시각: { $until }.
walk-destination = 가는 곳: { $destination }
walk-no-destination = 가는 곳을 적지 않았어요. 대화에서 물어봐 주세요.
walk-helper-how-it-ends = 도착하면 완료를 눌러 주세요. <b>{ $alias }</b>님이 안전하다고 확인하면 같이 걷기가 끝나요.
walk-requester-matched = 🚶 <b>{ $alias }</b>님이 함께 걸어요. 이제 내 실시간 위치를 볼 수 있어요.
walk-helper-arrived = <b>{ $alias }</b>님이 도착했다고 알려 왔어요. 안전하면 “🏠 안전해요”를 누르고 PIN을 입력하세요.
walk-arrived-noted = 고마워요! <b>{ $alias }</b>님이 안전하다고 확인하면 같이 걷기가 끝나요.
walk-pin-ask = 안전 PIN을 입력하세요.
walk-pin-wrong = 잘 안 됐어요. 다시 해 보세요.
walk-gone = 이미 끝난 같이 걷기예요.
walk-safe-done = 🏠 안전하다니 다행이에요. 같이 걷기가 끝났어요.
walk-overdue = ⏰ 도착 확인 시각이 지났어요. 안전한가요? “🏠 안전해요”를 누르고 PIN을 입력하세요. { $grace } 안에 답이 없으면 헬퍼, 관리자, 보호자 연락처에 마지막 위치와 함께 알려요.
walk-alarm-helper = 🚨 <b>{ $alias }</b>님이 도착 확인을 하지 않았고 안전하다고 확인하지 않았어요. 위에 마지막으로 알려진 위치({ $seen })가 있어요. 대화로 연락해 봐 주세요.
walk-alarm-contact = 🚨 나를 보호자 연락처로 정한 <b>{ $alias }</b>님이 귀갓길 도착 확인을 하지 않았고 안전하다고 확인하지 않았어요. 위에 마지막으로 알려진 위치({ $seen })가 있어요.
walk-alarm-admin = 🚨 같이 걷기 #{ $walk }: <b>{ $alias }</b>님(id { $id })이 도착 확인을 하지 않았고 안전하다고 확인하지 않았어요. 위에 마지막으로 알려진 위치({ $seen })가 있어요.
walk-duress-admin = 🚨 같이 걷기 #{ $walk }: <b>{ $alias }</b>님(id { $id })이 <b>위급 PIN</b>으로 끝냈어요. 본인과 헬퍼에게는 평소처럼 끝난 것으로 보였어요. 위에 마지막으로 알려진 위치({ $seen })가 있어요.
walk-wrong-pins-admin = 🚨 같이 걷기 #{ $walk }: <b>{ $alias }</b>님(id { $id })의 걷기에서 안전 PIN이 { $count }번 틀렸어요. 걷기는 아직 열려 있고, 본인에게는 다시 해 보라고만 했어요. 위에 마지막으로 알려진 위치({ $seen })가 있어요.
walk-duress-helper = 헬퍼: <b>{ $helper }</b>
walk-duress-no-helper = 선택된 헬퍼는 없었어요.
walk-safe-after-alarm = ✅ <b>{ $alias }</b>님이 안전하다고 확인했어요. 같이 걷기가 끝났어요.
safety-title = 🛡 <b>안전 설정</b>
safety-pin-set = 안전 PIN: 설정됨
safety-pin-unset = 안전 PIN: 없음 (같이 걷기에 필요해요)
safety-duress-set = 위급 PIN: 설정됨 (PIN처럼 같이 걷기를 끝내고, 관리자에게 조용히 알려요)
safety-duress-unset = 위급 PIN: 없음 (선택: PIN처럼 같이 걷기를 끝내고, 관리자에게 조용히 알려요)
safety-contact-none = 보호자 연락처: 없음 (선택: 도착 확인을 놓치면 알려요)
safety-contact-invited = 보호자 연락처: 초대했지만 아직 수락 전
safety-contact = 보호자 연락처: <b>{ $alias }</b>
safety-trusted-by = <b>{ $alias }</b>님의 보호자 연락처예요.
safety-set-pin = 🔢 안전 PIN 정하기
safety-change-pin = 🔢 안전 PIN 바꾸기
safety-set-duress = 🆘 위급 PIN 정하기
safety-change-duress = 🆘 위급 PIN 바꾸기
safety-remove-duress = 위급 PIN 지우기
safety-invite = 👤 보호자 연락처 초대
safety-invite-again = 👤 새 초대 링크
safety-remove-contact = 보호자 연락처 지우기
safety-withdraw = { $alias }님의 보호자 그만하기
safety-pin-ask = 새 안전 PIN을 입력하세요: 숫자 { $min }~{ $max }자리. 메시지는 읽은 뒤 바로 지우고, 알아볼 수 없는 형태로만 보관해요.
safety-duress-ask = 위급 PIN을 입력하세요: 숫자 { $min }~{ $max }자리, 안전 PIN과 달라야 해요. 누군가 안전하다고 말하라고 강요할 때 쓰세요.
safety-pin-shape = PIN은 숫자 { $min }~{ $max }자리만 돼요. 다시 입력해 주세요.
safety-pin-expected = PIN을 메시지로 입력해 주세요: 숫자 { $min }~{ $max }자리.
safety-duress-same = 위급 PIN은 안전 PIN과 달라야 해요. 다른 숫자를 입력해 주세요.
safety-pin-saved = ✅ 안전 PIN을 저장했어요.
safety-duress-saved = ✅ 위급 PIN을 저장했어요.
safety-duress-removed = 위급 PIN을 지웠어요.
trusted-invite-link = 믿는 분에게 이 링크를 보내세요. 그분이 열고 수락하면, 내가 도착 확인을 놓칠 때 알림을 받아요: { $link }
trusted-invitation = 🛡 <b>{ $alias }</b>님이 보호자 연락처가 되어 달라고 해요. 그분이 귀갓길 도착 확인을 놓치면 마지막 위치와 함께 알려 드려요. 언제든 /safety 명령어로 그만둘 수 있어요.
trusted-accept = ✅ 수락
trusted-decline = 거절
trusted-you-accepted = ✅ 이제 보호자 연락처예요. /safety 명령어로 그만둘 수 있어요.
trusted-you-declined = 초대를 거절했어요.
trusted-you-withdrew = 이제 그분의 보호자 연락처가 아니에요.
trusted-accepted = ✅ <b>{ $alias }</b>님이 보호자 연락처가 되었어요.
trusted-declined = <b>{ $alias }</b>님이 보호자 연락처 초대를 거절했어요.
trusted-withdrawn = <b>{ $alias }</b>님이 보호자 연락처를 그만두었어요.
trusted-removed = <b>{ $alias }</b>님이 보호자 연락처에서 나를 뺐어요.
trusted-contact-removed = 보호자 연락처를 지웠어요.
trusted-own-link = 내 초대 링크예요. 믿는 분에게 보내 주세요.
trusted-link-unknown = 더 이상 쓸 수 없는 초대 링크예요. 새 링크를 부탁해 주세요.
accept-not-urgent = 같이 걷기 요청은 /profile 명령어에서 켠 헬퍼에게만 가요.
field-urgent = 같이 걷기 요청: { $value }
urgent-on = 켜짐
urgent-off = 꺼짐
profile-urgent-on = 🚶 같이 걷기 요청 받기
profile-urgent-off = 🚶 같이 걷기 요청 그만 받기
urgent-now-on = 🚶 근처 같이 걷기 요청을 받아요.
urgent-now-off = 이제 같이 걷기 요청을 받지 않아요.

# Prize vouchers
cmd-vouchers = 상품권: 간직하거나 선물하기
prize-reached-voucher =
    🎉 도움 배지 { $badges }개를 모았어요. 상품으로 <b>{ $kind }</b> 상품권을 드려요. { $until }까지 쓸 수 있어요.
    /vouchers 에서 보거나, 받기 링크로 다른 분께 선물할 수 있어요.
prize-voucher-issued-admin = 🎟 상품권 #{ $id } 발급: { $kind }, { $until }까지.
prize-voucher-owed-admin = 🎟 상품권 종류가 아직 없어서 상품권이 미발급 상태예요. /admin → 🎟 상품권 → 🏷 종류에서 종류를 추가한 뒤 사용자 카드(/admin { $id })에서 발급해 주세요.
vouchers-title = 🎟 <b>내 상품권</b>
vouchers-none = 🎟 아직 상품권이 없어요. 도움 배지 { $threshold }개를 모으면 받아요. /badges 참고.
voucher-line-held = • #{ $id } <b>{ $kind }</b> — 내 상품권, { $until }까지
voucher-line-claimed = • #{ $id } <b>{ $kind }</b> — 선물받음, { $until }까지
voucher-line-offered = • #{ $id } <b>{ $kind }</b> — 선물 중: 받기 링크가 나가 있어요. 누가 받기 전까지는 내 것이에요({ $until }까지).
voucher-line-given = • #{ $id } <b>{ $kind }</b> — 선물함
voucher-line-fulfilled = • #{ $id } <b>{ $kind }</b> — 사용 완료
voucher-line-expired = • #{ $id } <b>{ $kind }</b> — { $until }에 만료
voucher-line-owed = • #{ $id } 상품권 — 관리자가 발급할 예정이에요
voucher-give-button = 🎁 선물 #{ $id }
voucher-take-back-button = ↩️ 선물 취소 #{ $id }
voucher-give-link =
    🎁 <b>{ $kind }</b> 상품권(#{ $id })을 선물할 준비가 됐어요. 받을 분께 이 링크를 보내 주세요:
    { $link }
    또는 이 코드: <code>{ $code }</code> (/start v_ 뒤에 붙여 보내도 돼요)

    코드는 이번 한 번만 보여요. 누가 받기 전까지는 내 상품권이에요({ $until }까지). /vouchers 의 선물 취소를 누르면 이 링크는 더 이상 쓸 수 없어요.
voucher-give-refused = 지금은 이 상품권을 선물할 수 없어요. 이미 선물 중이거나, 사용·만료됐거나, 더 이상 내 것이 아니에요.
voucher-taken-back = 선물을 취소했어요. 링크는 더 이상 쓸 수 없어요.
voucher-take-back-refused = 이 선물은 이미 끝났어요. 누가 받았거나, 취소됐거나, 상품권이 끝났어요.
voucher-claim-card = 🎟 <b>{ $alias }</b>님이 보낸 <b>{ $kind }</b> 상품권이에요. { $until }까지 쓸 수 있어요. 받기를 누르면 내 것이 돼요.
voucher-claim-button = ✅ 받기
voucher-claimed-you = ✅ <b>{ $kind }</b> 상품권(#{ $id })을 받았어요. { $until }까지 쓸 수 있어요. /vouchers 참고.
voucher-claimed-giver = 🎁 <b>{ $alias }</b>님이 <b>{ $kind }</b> 상품권(#{ $id })을 받았어요.
voucher-link-claimed = 이미 누가 받은 상품권이에요. 받기 링크는 한 번만 쓸 수 있어요.
voucher-link-expired = 만료된 상품권이에요. 링크는 더 이상 쓸 수 없어요.
voucher-link-used = 이미 사용된 상품권이에요. 링크는 더 이상 쓸 수 없어요.
voucher-link-withdrawn = 보낸 분이 선물을 취소했어요. 새 링크를 부탁해 보세요.
voucher-link-unknown = 올바른 상품권 링크가 아니에요. 링크가 잘리지 않았는지 확인해 주세요.
voucher-link-own = 내 상품권의 링크예요. 선물할 분께 보내 주세요.
voucher-expired = ⌛ <b>{ $kind }</b> 상품권(#{ $id })이 만료됐어요.
voucher-fulfilled = ✅ 관리자가 <b>{ $kind }</b> 상품권(#{ $id })을 사용 완료로 처리했어요. 즐거운 시간 보내세요!
voucher-issued = 🎟 관리자가 <b>{ $kind }</b> 상품권(#{ $id })을 발급했어요. { $until }까지 쓸 수 있어요. 사유: { $reason }. /vouchers 참고.
scene-voucherKind = 상품권 종류 추가
scene-issueVoucher = 상품권 발급
admin-menu-vouchers = 🎟 상품권
admin-vouchers-title = 🎟 <b>보유·미발급 상품권</b>: { $total }개 ({ $page }/{ $pages }쪽)
admin-vouchers-none = 🎟 지금 보유되거나 미발급인 상품권이 없어요.
admin-vouchers-row = #{ $id } <b>{ $kind }</b> — { $alias }, { $state }, { $until }까지
admin-vouchers-row-owed = #{ $id } { $alias }님께 미발급: 사용자 카드(/admin { $user })에서 발급하세요
admin-voucher-state-held = 보유 중
admin-voucher-state-offered = 선물 중(받기 링크 있음)
admin-vouchers-fulfil-button = ✔️ #{ $id }
admin-vouchers-kinds-button = 🏷 종류
admin-voucher-fulfil-confirm = 상품권(#{ $id }, <b>{ $kind }</b>, 보유자 { $alias })을 사용 완료로 처리할까요? 보유자에게 알려지고 되돌릴 수 없어요.
admin-voucher-fulfil-yes = ✔️ 네, 사용 완료
admin-voucher-fulfilled = 상품권(#{ $id })을 사용 완료로 처리했어요.
admin-voucher-not-live = 이미 사용 완료됐거나 만료된 상품권이에요.
admin-kinds-title = 🏷 <b>상품권 종류</b> (★ 상품으로 발급되는 종류)
admin-kinds-none = 🏷 상품권 종류가 아직 없어요. 지금 상품에 닿으면 종류를 추가할 때까지 미발급이에요.
admin-kinds-row = #{ $id } { $name }
admin-kinds-row-prize = ★ #{ $id } { $name }
admin-kinds-add-button = ➕ 종류 추가
admin-kinds-default-button = ★ #{ $id }
admin-kinds-retire-button = ✕ #{ $id }
admin-kind-ask-name = 🏷 새 상품권 종류의 이름(무엇에 쓰는지)을 { $max }자 이내로 적어 주세요. 예: “영화 관람권”.
admin-kind-name-hint = 종류 이름(무엇에 쓰는 상품권인지)을 적어 주세요.
admin-kind-added = 🏷 새 종류를 추가했어요: #{ $id } <b>{ $name }</b>
admin-kind-too-many = 쓰는 종류가 이미 { $max }개예요. 하나를 폐기한 뒤 추가해 주세요.
admin-kind-changed = 완료했어요.
admin-kind-stale = 더 이상 쓰지 않는 종류예요.
admin-user-voucher = 🎟 상품권 발급
admin-issue-voucher-kind = 🎟 <b>{ $alias }</b>(id { $id })님께 어떤 상품권을 발급할까요?
admin-issue-voucher-kind-hint = 위의 종류 중 하나를 골라 주세요.
admin-issue-voucher-no-kinds = 상품권 종류가 아직 없어요. /admin → 🎟 상품권 → 🏷 종류에서 추가해 주세요.
admin-issue-voucher-reason = 사유를 적어 주세요. <b>{ $alias }</b>님이 상품권과 함께 읽어요.
admin-voucher-issued = 🎟 <b>{ $alias }</b>님께 상품권(#{ $id }, <b>{ $kind }</b>)을 발급했어요. { $until }까지.
admin-voucher-kind-gone = 그 사이 종류가 폐기되어 아무것도 발급하지 않았어요.
audit-voucher-issue = 🎟 상품권 발급
audit-voucher-fulfil = ✔️ 상품권 사용 완료

## 여러 헬퍼가 필요한 요청: 하나의 그룹 대화
ask-edit-helpers = ✏️ 헬퍼 수
ask-field-helpers = 헬퍼 수: { $helpers }명
ask-field-fee-split = 사례금은 모두를 위한 금액이에요. 선택한 헬퍼에게 똑같이 나눠 드려요.
ask-helpers-prompt = 헬퍼가 몇 명 필요한가요? (1–{ $max }명)
ask-helpers-hint = 버튼으로 고르거나 1부터 { $max }까지의 숫자를 적어 주세요.
offer-chosen-places = 👥 { $wanted }명 중 { $chosen }명을 선택했어요. 제안에서 더 고르거나, “📣 올렸어요” 메시지에서 지금 선택한 헬퍼와 시작할 수 있어요.
posted-filling = 👥 { $category } — { $wanted }명 중 { $chosen }명 선택: { $aliases }. 남은 자리를 위해 요청은 열려 있어요.
posted-start-with-chosen = ▶️ 이 { $chosen }명과 시작하기
posted-started = { $chosen }명과 시작했어요. 남은 자리는 닫혔어요.
offer-places-filled = “{ $category }” 요청의 자리가 모두 찼어요. 제안해 주셔서 고마워요!
request-expired-partly = ⌛ “{ $category }” 요청이 { $wanted }명 중 { $chosen }명으로 닫혔어요. 선택한 헬퍼와의 그룹 대화는 계속돼요.
group-joined = 👥 <b>{ $alias }</b>님이 그룹 대화에 들어왔어요.
group-left = 👥 <b>{ $alias }</b>님이 그룹 대화에서 나갔어요. 다른 분들과는 계속 대화할 수 있어요.
group-fee-received-later = 👥 내 몫의 사례금은 { $received } 크레딧이에요. 그룹 대화가 모두 끝나면 들어와요.
group-fee-paid-later = 👥 이 헬퍼 몫의 사례금은 { $received } 크레딧이에요. 그룹 대화가 모두 끝나면 맡겨 둔 사례금에서 전달돼요.
group-fee-share-later = 그중 { $share } 크레딧은 기부 보드에 기부된 도움 배지를 뒷받침하는 기부 풀로 가요.
group-fee-part-received-later = 👥 출발해 주신 몫으로 사례금 중 { $fee } 크레딧이 그룹 대화가 모두 끝나면 들어와요.
group-fee-part-paid-later = 👥 이 자리 몫의 사례금 중 { $part } 크레딧은 출발한 헬퍼에게 가고 { $returned } 크레딧은 그룹 대화가 모두 끝나면 돌려받아요.
group-fee-returned-later = 👥 이 자리 몫의 사례금 { $fee } 크레딧은 그룹 대화가 모두 끝나면 돌려받아요.
offer-chosen-full = 👥 { $wanted }자리가 모두 찼어요. 그룹 대화가 열렸어요.
request-helpers-wanted = 👥 헬퍼 { $helpers }명이 필요해요. 사례금은 함께 나눠요.
chat-banner-group = 👥 그룹 대화예요. 여기서 보내는 메시지는 요청자와 선택된 모든 헬퍼에게 내 별명과 함께 전달돼요.
