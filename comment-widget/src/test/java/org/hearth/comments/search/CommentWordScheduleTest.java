package org.hearth.comments.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommentWordScheduleTest {

    @Test
    void aBacklogFoundAtStartIsWhatAStoppedServerLeftAndIsIndexedAtOnce() {
        assertTrue(CommentWordSchedule.isTimeToIndex(-1, 40_000), "resumed after a restart mid-way");
        assertFalse(CommentWordSchedule.isTimeToIndex(-1, 0));
    }

    @Test
    void aGrowingBacklogWaitsForTheImportToFinishThenIsIndexed() {
        assertFalse(CommentWordSchedule.isTimeToIndex(0, 500), "an import is writing");
        assertFalse(CommentWordSchedule.isTimeToIndex(500, 1_200), "still writing");
        assertTrue(CommentWordSchedule.isTimeToIndex(1_200, 1_200), "the import has finished");
        assertTrue(CommentWordSchedule.isTimeToIndex(1_200, 800), "another server is indexing it");
        assertFalse(CommentWordSchedule.isTimeToIndex(800, 0), "nothing left");
    }
}
