import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

export interface ZipEntry {
  /** Name inside the archive (a plain file name; folders with "/"). */
  name: string;
  data: Uint8Array;
}

/** Shortest export password accepted: a ZIP is open to offline guessing, so the password is all it has. */
export const MIN_EXPORT_PASSWORD_LENGTH = 8;

export function checkExportPassword(password: string): string | null {
  if (password.length < MIN_EXPORT_PASSWORD_LENGTH) return `The export password must have at least ${MIN_EXPORT_PASSWORD_LENGTH} characters.`;
  if (password.length > 1024) return 'The export password is too long (1024 characters at most).';
  return null;
}

/**
 * An AES-256 ZIP (WinZip AE-2, the kind 7-Zip and Windows tools with AES support open) of `entries`, each
 * deflated then encrypted with `password` by @zip.js/zip.js. File times are fixed at the call time.
 */
export async function encryptToZip(entries: ZipEntry[], password: string): Promise<Buffer> {
  const problem = checkExportPassword(password);
  if (problem) throw new Error(problem);
  const writer = new ZipWriter(new Uint8ArrayWriter(), { password, encryptionStrength: 3, zipCrypto: false, useWebWorkers: false });
  const now = new Date();
  for (const entry of entries) {
    await writer.add(entry.name, new Uint8ArrayReader(entry.data), { lastModDate: now, useWebWorkers: false });
  }
  return Buffer.from(await writer.close());
}

const zipModulePath = createRequire(import.meta.url).resolve('@zip.js/zip.js');

/*
 * Runs in a worker thread: zip.js is asynchronous only, and the export path (writeExport) is synchronous,
 * so the calling thread blocks on Atomics.wait until the worker posts the archive, then reads it with
 * receiveMessageOnPort. The password goes to the worker by message, never through argv, env or a file.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, signal, zipModulePath } = workerData;
port.once('message', async ({ entries, password }) => {
  try {
    const zip = require(zipModulePath);
    zip.configure({ useWebWorkers: false });
    const writer = new zip.ZipWriter(new zip.Uint8ArrayWriter(), { password, encryptionStrength: 3, zipCrypto: false, useWebWorkers: false });
    const now = new Date();
    for (const e of entries) await writer.add(e.name, new zip.Uint8ArrayReader(e.data), { lastModDate: now, useWebWorkers: false });
    const out = await writer.close();
    port.postMessage({ ok: true, data: out }, [out.buffer]);
  } catch (error) {
    port.postMessage({ ok: false, message: String(error && error.message || error) });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/** Synchronous twin of {@link encryptToZip} for the synchronous export path; same archive format. */
export function encryptToZipSync(entries: ZipEntry[], password: string, timeoutMs = 10 * 60 * 1000): Buffer {
  const problem = checkExportPassword(password);
  if (problem) throw new Error(problem);
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal, zipModulePath }, transferList: [port2] });
  try {
    port1.postMessage({ entries: entries.map((e) => ({ name: e.name, data: e.data })), password });
    if (Atomics.wait(signal, 0, 0, timeoutMs) === 'timed-out') throw new Error('Encrypting the export took too long.');
    const reply = receiveMessageOnPort(port1)?.message as { ok: true; data: Uint8Array } | { ok: false; message: string } | undefined;
    if (!reply) throw new Error('Encrypting the export failed: no answer from the encryption worker.');
    if (!reply.ok) throw new Error(`Encrypting the export failed: ${reply.message}`);
    return Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength);
  } finally {
    port1.close();
    void worker.terminate();
  }
}
