import { ByteTracker } from '../../../ml/tracking/byteTracker.js';
import { describeTrackerContract } from './trackerContract.js';

// Lost-track buffer: 30 frames at 30 fps, so a 10-frame gap is bridged and a 45-frame gap is not.
describeTrackerContract('ByteTracker (defaults)', {
  create: () => new ByteTracker({ frameRate: 30 }),
  confirmationFrames: 3,
  shortGapFrames: 10,
  longGapFrames: 45,
});

// Immediate confirmation and a 12.5 fps camera: the buffer shrinks to 13 frames.
describeTrackerContract('ByteTracker (1-frame confirmation, 12.5 fps)', {
  create: () => new ByteTracker({ frameRate: 12.5, minimumConsecutiveFrames: 1 }),
  confirmationFrames: 1,
  shortGapFrames: 6,
  longGapFrames: 20,
});
