package no.tilpass.engine.testsupport;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.SolutionSpace;

/**
 * One case of the oracle tests on random models: the random space of a seed, its brute-force oracle, and
 * the generator the space was drawn from, which the test goes on drawing from (decisions, costs), so that a
 * seed names the same case every time.
 */
public record RandomCase(long seed, Random rnd, SolutionSpace space, BruteForce bf) {
    /** The cases of the seeds 0 to {@code seeds - 1}, each drawn when the iteration reaches it. */
    public static Iterable<RandomCase> ofSeeds(int seeds) {
        return () -> LongStream.range(0, seeds).mapToObj(RandomCase::of).iterator();
    }

    private static RandomCase of(long seed) {
        Random rnd = new Random(seed);
        SolutionSpace space = RandomSpaces.random(rnd);
        return new RandomCase(seed, rnd, space, new BruteForce(space));
    }

    /** Up to {@code max} random decisions on distinct options, drawn from this case's generator. */
    public List<Decision> decisions(int max) {
        return RandomSpaces.decisions(space, rnd, max);
    }

    /** What an assertion names the case by: the seed, the decisions and the CNF. */
    public String context(List<Decision> decisions) {
        return "seed " + seed + ", decisions " + decisions + ", " + space.cnf();
    }

    /** The context with one more named thing, e.g. {@code context(decisions, "query", query)}. */
    public String context(List<Decision> decisions, String name, Object value) {
        return "seed " + seed + ", decisions " + decisions + ", " + name + " " + value + ", " + space.cnf();
    }
}
