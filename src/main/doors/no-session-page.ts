// The page a browser gets without a session: the preview's address alone, or a token already spent. It says what
// to do, in both languages of the app, and carries no script and nothing of the clinic's data.
export const NO_SESSION_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ClinicDesk preview</title></head>
<body>
<h1>Open the address the preview printed</h1>
<p>This browser has no ClinicDesk session. Open the address that <code>npm run preview</code> printed in its
terminal, with its <code>?token=</code>. Each address works once, in one browser; the preview prints a new one for
the next browser, and a restarted preview prints a new one for every browser.</p>
<h1 lang="ko">미리보기가 출력한 주소를 여세요</h1>
<p lang="ko">이 브라우저에는 ClinicDesk 세션이 없습니다. <code>npm run preview</code>가 터미널에 출력한 주소(<code>?token=</code>
포함)를 여세요. 주소는 한 브라우저에서 한 번만 쓸 수 있으며, 다음 브라우저를 위한 새 주소가 출력됩니다.</p>
</body></html>
`;
