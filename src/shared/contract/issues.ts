// What every door returns when an input is refused: a list of issues, each pointing at the field it is about,
// with a code the UI translates. The English and Korean texts live here, typed by the code, so no code can
// exist without both texts (the compiler checks it).

export const ISSUE_MESSAGES = {
  required: { en: 'Required.', ko: '필수 항목입니다.' },
  invalid_type: { en: 'Wrong kind of value.', ko: '값의 형식이 올바르지 않습니다.' },
  invalid: { en: 'Not a valid value.', ko: '올바른 값이 아닙니다.' },
  invalid_choice: { en: 'Not one of the allowed choices.', ko: '허용된 선택지가 아닙니다.' },
  unknown_field: { en: 'Unknown field.', ko: '알 수 없는 항목입니다.' },
  too_long: { en: 'Too long.', ko: '너무 깁니다.' },
  too_many: { en: 'Too many entries.', ko: '항목이 너무 많습니다.' },
  duplicate: { en: 'Listed twice.', ko: '중복된 항목입니다.' },
  invalid_date: { en: 'Use a real date as YYYY-MM-DD.', ko: '실제 날짜를 YYYY-MM-DD 형식으로 입력하세요.' },
  invalid_datetime: { en: 'Use a date and time (ISO 8601).', ko: '날짜와 시간을 ISO 8601 형식으로 입력하세요.' },
  date_in_future: { en: 'This date is in the future.', ko: '미래 날짜입니다.' },
  departure_before_arrival: { en: 'Departure is before arrival.', ko: '출국일이 입국일보다 빠릅니다.' },
  stay_too_long: { en: 'A stay of more than 180 days is not a medical trip.', ko: '체류 기간이 180일을 넘습니다.' },
  hidden_characters: {
    en: 'Remove the invisible direction or zero-width characters (pasted text often carries them).',
    ko: '보이지 않는 방향 제어 문자나 폭 없는 문자를 지우세요(복사한 글에 섞여 들어오는 경우가 많습니다).',
  },
  latin_letters_only: {
    en: 'Use the passport spelling in Latin letters.',
    ko: '여권에 적힌 영문 철자로 입력하세요.',
  },
  invalid_phone: {
    en: 'Not a valid phone number. Use the international form, e.g. +86 138 0013 8000.',
    ko: '올바른 전화번호가 아닙니다. +86 138 0013 8000 처럼 국제 형식으로 입력하세요.',
  },
  invalid_email: { en: 'Not a valid e-mail address.', ko: '올바른 이메일 주소가 아닙니다.' },
  invalid_country: { en: 'Not an ISO 3166 country code.', ko: 'ISO 3166 국가 코드가 아닙니다.' },
  invalid_currency: { en: 'Not an ISO 4217 currency code.', ko: 'ISO 4217 통화 코드가 아닙니다.' },
  invalid_time_zone: { en: 'Not an IANA time zone.', ko: 'IANA 시간대가 아닙니다.' },
  unsupported_language: { en: 'Not a language ClinicDesk supports.', ko: '지원하지 않는 언어입니다.' },
  other_allergy_needs_text: {
    en: 'Describe the other allergy.',
    ko: '기타 알레르기 내용을 적어 주세요.',
  },
  consent_granted_twice: {
    en: 'This consent is already in force; withdraw it first.',
    ko: '이미 유효한 동의입니다. 먼저 철회하세요.',
  },
  withdrawn_before_granted: { en: 'Withdrawn before it was given.', ko: '동의일보다 철회일이 빠릅니다.' },
  unsupported_format: { en: 'Not a clinicdesk.case/1 file.', ko: 'clinicdesk.case/1 파일이 아닙니다.' },
  absolute_path_required: { en: 'Give the full path of a folder.', ko: '폴더의 전체 경로를 입력하세요.' },
  price_missing: {
    en: 'A treatment on the quote has no clinic price yet: set it in the clinic settings, or export the plan as a draft.',
    ko: '견적의 시술 중 병원 가격이 없는 항목이 있습니다. 병원 설정에서 가격을 정하거나, 계획서를 초안으로 내보내세요.',
  },
  draft_only_plan: { en: 'Only the plan and quote can be made as a draft.', ko: '초안은 치료 계획 및 견적서만 만들 수 있습니다.' },
  no_plan: { en: 'This patient has no saved treatment plan yet.', ko: '이 환자는 아직 저장된 치료 계획이 없습니다.' },
  folder_not_writable: { en: 'Cannot write to this folder.', ko: '이 폴더에 저장할 수 없습니다.' },
  invalid_json: { en: 'Not valid JSON.', ko: '올바른 JSON이 아닙니다.' },
  invalid_csv: { en: 'Not a readable CSV file.', ko: '읽을 수 없는 CSV 파일입니다.' },
  encoding_unsure: {
    en: "Cannot tell the file's encoding. Name it: UTF-8, CP949 (EUC-KR), Shift-JIS or GB18030 (CLI: --encoding).",
    ko: '파일의 인코딩을 알 수 없습니다. UTF-8, CP949(EUC-KR), Shift-JIS, GB18030 중 하나로 지정하세요(CLI: --encoding).',
  },
  implausible_text: {
    en: 'The names do not read as text in this encoding. Check the encoding, or save the file as "CSV UTF-8".',
    ko: '이 인코딩으로는 이름이 올바른 글자로 읽히지 않습니다. 인코딩을 확인하거나 "CSV UTF-8"로 다시 저장하세요.',
  },
  already_exists: { en: 'A patient with this id already exists.', ko: '같은 ID의 환자가 이미 있습니다.' },
  photo_not_found: {
    en: "The photo file is not in this clinic's photo store.",
    ko: '사진 파일이 저장소에 없습니다.',
  },
  unreadable_image: { en: 'Not a readable JPEG, PNG, WebP or HEIC image.', ko: '읽을 수 없는 이미지입니다.' },
  file_too_large: { en: 'The file is too large.', ko: '파일이 너무 큽니다.' },
  record_restricted: {
    en: 'This record is restricted by a deletion request: it can be read and exported, not changed.',
    ko: '삭제 요청으로 처리가 제한된 기록입니다. 열람과 내보내기만 할 수 있고 수정할 수 없습니다.',
  },
  consent_withdrawn: {
    en: 'The patient withdrew consent to the processing of health data: no new plans or handouts.',
    ko: '환자가 민감정보(건강정보) 처리 동의를 철회했습니다. 새 계획이나 안내문을 만들 수 없습니다.',
  },
  already_restricted: { en: 'This record is already restricted.', ko: '이미 처리가 제한된 기록입니다.' },
  block_not_acknowledged: {
    en: 'A blocking finding on this session needs a named doctor to acknowledge it, or the session must go.',
    ko: '이 시술의 금기 항목은 담당 의사의 확인이 필요합니다. 확인하지 않으면 계획에서 빼야 합니다.',
  },
  invalid_pin: { en: 'Use 6 to 8 digits.', ko: '숫자 6~8자리로 입력하세요.' },
  wrong_pin: { en: 'Wrong PIN.', ko: 'PIN이 올바르지 않습니다.' },
  // A screen's own check (a new PIN typed twice), never a door's: the doors take the PIN once.
  pins_differ: { en: 'The two PINs are not the same.', ko: '두 PIN이 서로 다릅니다.' },
  too_many_attempts: {
    en: 'Too many wrong PINs. Wait before trying again: 30 seconds, twice as long after each further wrong PIN, up to an hour.',
    ko: 'PIN을 여러 번 잘못 입력했습니다. 잠시 후에 다시 시도하세요. 대기 시간은 30초부터 틀릴 때마다 두 배로 늘어나며 최대 1시간입니다.',
  },
  name_taken: { en: 'A coordinator with this name already exists.', ko: '같은 이름의 코디네이터가 이미 있습니다.' },
  not_signed_in: { en: 'Sign in first.', ko: '먼저 로그인하세요.' },
  no_coordinators: { en: 'Create the first coordinator profile first.', ko: '먼저 첫 코디네이터 프로필을 만드세요.' },
  admin_only: { en: 'Only a clinic admin can do this.', ko: '병원 관리자만 할 수 있습니다.' },
  server_only: { en: 'Only a clinic server has database logins.', ko: '데이터베이스 로그인은 병원 서버에만 있습니다.' },
  has_login: { en: 'This profile already has a database login.', ko: '이 프로필에는 이미 데이터베이스 로그인이 있습니다.' },
  too_many_drafts: {
    en: 'You have too many unsaved intakes: save or discard some in the patient list first.',
    ko: '저장하지 않은 접수가 너무 많습니다. 환자 목록에서 먼저 저장하거나 삭제하세요.',
  },
  session_not_dated: {
    en: 'This session has no date: set the date it was done before marking it done.',
    ko: '날짜가 없는 시술입니다. 시술한 날짜를 먼저 입력한 뒤 완료로 표시하세요.',
  },
  session_in_future: {
    en: 'This session has not taken place yet (Korea time): it can be marked done from its date and time on.',
    ko: '아직 시술 시각이 되지 않았습니다(한국 시간). 시술 날짜와 시각 이후에 완료로 표시할 수 있습니다.',
  },
  rate_required: {
    en: 'Give the exchange rate (KRW per unit), its date and its source for an amount not in KRW.',
    ko: '원화가 아닌 금액은 환율(1단위당 원), 환율 날짜와 출처를 입력하세요.',
  },
  lines_do_not_add_up: {
    en: 'The lines do not add up to the amount paid (in KRW).',
    ko: '항목 금액의 합이 결제 금액(원화)과 맞지 않습니다.',
  },
  refund_exceeds_paid: {
    en: 'The refund is more than what is left of that payment after its earlier refunds.',
    ko: '환불 금액이 해당 결제에서 이전 환불을 뺀 남은 금액보다 많습니다.',
  },
  already_reversed: { en: 'This record was already reversed.', ko: '이미 취소(정정)된 기록입니다.' },
  reverse_refunds_first: {
    en: 'Refunds stand against this payment: reverse them first.',
    ko: '이 결제에 대한 환불 기록이 있습니다. 환불 기록을 먼저 정정하세요.',
  },
  registration_expired: {
    en: "The agency's registration has expired: an unregistered agency may not be paid for referring patients.",
    ko: '유치업자 등록이 만료되었습니다. 등록되지 않은 업체에는 환자 유치 수수료를 지급할 수 없습니다.',
  },
  commission_over_cap: {
    en: 'Over the legal cap on the commission for this kind of medical institution (Ministry of Health and Welfare notice, in force since 2017-02-15).',
    ko: '의료기관 종별 유치수수료 상한을 넘습니다(보건복지부 고시, 2017-02-15 시행).',
  },
} as const satisfies Record<string, { en: string; ko: string }>;

export type IssueCode = keyof typeof ISSUE_MESSAGES;

export function isIssueCode(value: string): value is IssueCode {
  return Object.hasOwn(ISSUE_MESSAGES, value);
}

export type IssuePath = readonly (string | number)[];

export interface Issue {
  readonly path: IssuePath;
  readonly code: IssueCode;
  /** English text, for the CLI and logs; the UI translates `code` instead. */
  readonly message: string;
}

export function issue(path: IssuePath, code: IssueCode): Issue {
  return { path, code, message: ISSUE_MESSAGES[code].en };
}

export function formatPath(path: IssuePath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
