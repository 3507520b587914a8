/**
 * SIGKILL durability: every edit a client has received from the server must survive a hard kill,
 * because the server stores an update (fsynced) before it broadcasts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, createDraft, stateVectorContains, synced, tmpDataDir, typeInto, typedText, waitFor, type Client } from './helpers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];
const clients: Client[] = [];

afterAll(() => {
  for (const c of clients) c.destroy();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Spawns `node --import tsx server/main.ts` with PORT=0 and reads the URL it prints. */
async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const url = await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`server exited early: ${err}`);
    return /penholder listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  }, 'server start', 20_000);
  return { child, url };
}

describe('SIGKILL durability', () => {
  it('a restarted server has every edit another client saw before the kill', async () => {
    const dataDir = tmpDataDir('penholder-kill-');
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    const { id, token } = await createDraft(first.url);
    const a = connect(first.url, id, { token });
    const b = connect(first.url, id, { token });
    clients.push(a, b);
    await synced(a);
    await synced(b);

    let received = 0;
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => { if (origin === b.provider) received += 1; });
    // A types continuously until the kill.
    let typing = true;
    let typed = 0;
    const typer = (async () => {
      while (typing) {
        typeInto(a.doc, String.fromCharCode(97 + (typed % 26)));
        typed += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    await waitFor(() => received >= 150, 'B receiving a stream of edits', 20_000);
    first.child.kill('SIGKILL');
    // Freeze B's view at the kill: disconnect it before it can learn anything else.
    b.provider.disconnect();
    typing = false;
    await typer;
    const seenByB = Y.encodeStateAsUpdate(b.doc);
    const bText = typedText(b.doc);
    await waitFor(() => first.child.signalCode === 'SIGKILL', 'server killed');
    a.provider.disconnect();
    expect(bText.length).toBeGreaterThanOrEqual(100);

    const second = await spawnServer(dataDir);
    const c = connect(second.url, id, { token });
    clients.push(c);
    await synced(c);
    const bDoc = new Y.Doc();
    Y.applyUpdate(bDoc, seenByB);
    expect(stateVectorContains(c.doc, bDoc)).toBe(true);
    expect(typedText(c.doc).startsWith(bText)).toBe(true);
    second.child.kill('SIGTERM');
    await waitFor(() => second.child.exitCode !== null, 'graceful exit');
    expect(second.child.exitCode).toBe(0);
  }, 60_000);
});
