package dev.trainax.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A network that evaluates several members of its architecture, each with its own parameters, in
 * one batched computation: the analogue of vmapping a network over stacked parameters. Engines use
 * it for ensembles ({@link dev.trainax.api.engine.Engine#compileEnsemble}); a network without it
 * is evaluated once per member.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface MemberBatchedNetwork extends Network {

    /**
     * One step of every member on its own states.
     *
     * @param context    {@link StepContext#parameter} returns each parameter stacked over the members,
     *                   shape {@code [members, *parameterShape]}
     * @param states     states {@code (batch·members, channels, *space)}, sample-major: row
     *                   {@code b·members + k} is sample {@code b} of member {@code k}, so the
     *                   members of one sample are adjacent (a reshape to
     *                   {@code (batch, members·channels, *space)} makes them channel groups)
     * @param members    number of members, ≥ 2
     * @param stateShape {@code (channels, *space)} of one state
     * @return the next states, same shape and order as {@code states}
     */
    SDVariable applyMembers(StepContext context, SDVariable states, int members, long[] stateShape);
}
