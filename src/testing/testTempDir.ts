// Each test file writes its temporary folders (libraries, crafted sessions, a 208 MB text file)
// under a folder of its own, removed when the file's tests end: runs never pile up gigabytes in
// the machine's temp folder (a full disk once failed CI in tests that only write small files).
// Set at module evaluation, not in a hook: test files call mkdtempSync(tmpdir()) while they are
// collected. os.tmpdir() reads TMPDIR at each call; child processes the tests spawn inherit it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const parentTmp = tmpdir();
const fileTmp = mkdtempSync(join(parentTmp, 'sts-testfile-'));
process.env.TMPDIR = fileTmp;

// Registered first, so run last ('stack' hook order): after the file's own afterAll closed its
// servers and databases.
afterAll(() => {
  process.env.TMPDIR = parentTmp;
  rmSync(fileTmp, { recursive: true, force: true, maxRetries: 3 });
});
