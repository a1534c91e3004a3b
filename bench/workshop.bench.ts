import { maxParticipants } from '../src/shared/workshop-session';
import { tempDir } from '../tests/server/fixtures';
import { spawnServer, stopServer } from '../tests/server/spawn-server';
import { runRoom } from '../tests/server/workshop-load';

/**
 * A full room against the real server in its own process on 127.0.0.1 (the load generator shares the
 * machine's cores with it): 200 phones join, follow the session's event stream, answer at the same moment,
 * and the trainer reveals. The aim is no error and every answer counted; the times are for reading.
 */
export async function run(): Promise<void> {
  const dir = tempDir('vagval-bench-workshop-');
  const { child, url } = await spawnServer(dir.path);
  try {
    for (let round = 1; round <= 3; round++) {
      const r = await runRoom(url, maxParticipants);
      const counted = r.final.answered;
      const ok = r.errors.length === 0 && counted === maxParticipants && r.streamsRevealed === maxParticipants;
      console.log(
        `room ${round}: ${maxParticipants} phones – joined in ${r.joinMs.toFixed(0)} ms, answered at once in ${r.answerMs.toFixed(0)} ms ` +
          `(${((maxParticipants / r.answerMs) * 1000).toFixed(0)} answers/s); counted ${counted}/${maxParticipants}, ` +
          `${r.streamsRevealed}/${maxParticipants} streams saw the reveal, ${r.errors.length} errors – aim: no error, every answer counted: ${ok ? 'met' : 'NOT met'}`,
      );
      if (r.errors.length > 0) console.log(`  first error: ${r.errors[0]}`);
    }
  } finally {
    await stopServer(child);
    dir.remove();
  }
}
