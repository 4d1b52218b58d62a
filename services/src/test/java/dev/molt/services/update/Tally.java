package dev.molt.services.update;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The contract of the service the update tests compile in two versions ({@link TallyJars}). */
public interface Tally {
  /** What the versions' lifecycle callbacks did, in order. */
  List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

  /** Adds {@code n} to {@code key}'s count; returns the new count. */
  long add(String key, long n);

  long get(String key);

  /** {@code v<code version>:<ServiceContext.version()>}. */
  String version();

  /** Adds 1 twice through the service's own handle (a nested call). */
  long addTwiceThroughHandle(String key);

  /** Signals {@code entered}, then waits for {@code release}: a call that blocks. */
  void hold(CountDownLatch entered, CountDownLatch release) throws InterruptedException;
}
