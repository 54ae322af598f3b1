package org.lscb.library.check;

import java.util.List;

/** Finds one kind of personal data in a piece of text. */
public interface Detector {

    List<Match> find(String text);
}
