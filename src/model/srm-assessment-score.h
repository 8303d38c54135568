/* srm-assessment-score.h: how far an assessment is done, computed once from a
 * snapshot of its answers (the rules are in docs/assessment-format.md).
 *
 * Per answer: implemented = 1 point, in-progress = 0.5, not-started and
 * not-assessed = 0. Not-applicable and risk-accepted answers leave the
 * denominator but are counted. A score is points / counted answers, from 0 to
 * 1, and undefined ("no duties") when nothing is counted.
 */
#pragma once

#include <gio/gio.h>

#include "srm-assessment.h"

G_BEGIN_DECLS

/* The answers of one layer, one service, or the whole assessment. */
typedef struct {
  double points;
  guint  counted;          /* implemented + in-progress + not-started + not-assessed */
  guint  total;            /* every answer, the excluded ones too */
  guint  by_status[6];     /* indexed by SrmAnswerStatus */
} SrmScoreTally;

/* FALSE (and *score untouched) when nothing is counted: report "no duties",
 * not 0 %. */
gboolean srm_score_tally_get_score (const SrmScoreTally *tally,
                                    double              *score);

#define SRM_TYPE_ASSESSMENT_SCORE (srm_assessment_score_get_type ())
G_DECLARE_FINAL_TYPE (SrmAssessmentScore, srm_assessment_score, SRM, ASSESSMENT_SCORE, GObject)

/* Scores @assessment as it is now; @today decides what is overdue (due before
 * today and not implemented, not applicable or risk accepted: due today is not
 * overdue). Later edits do not change the result: make a new one. */
SrmAssessmentScore  *srm_assessment_score_new          (SrmAssessment      *assessment,
                                                        const GDate        *today);

const SrmScoreTally *srm_assessment_score_get_overall  (SrmAssessmentScore *self);

/* Layers in catalog order (layers the catalog doesn't know, from orphaned
 * answers, after them in order of appearance; answers without a layer under
 * the id ""). Only layers that have answers. */
guint                srm_assessment_score_get_n_layers (SrmAssessmentScore *self);
const char          *srm_assessment_score_get_layer_id (SrmAssessmentScore *self,
                                                        guint               index);
const SrmScoreTally *srm_assessment_score_get_layer    (SrmAssessmentScore *self,
                                                        guint               index);

/* Services in catalog order, then unknown ones in order of appearance. */
guint                srm_assessment_score_get_n_services (SrmAssessmentScore *self);
const char          *srm_assessment_score_get_service_id (SrmAssessmentScore *self,
                                                          guint               index);
const SrmScoreTally *srm_assessment_score_get_service    (SrmAssessmentScore *self,
                                                          guint               index);

/* GListModels of SrmAnswer. Gaps: neither implemented, not applicable nor risk
 * accepted, sorted by layer order, then due date (none last), then catalog
 * order. Overdue: the gaps due before today, in the same order. */
GListModel          *srm_assessment_score_get_gaps     (SrmAssessmentScore *self);
GListModel          *srm_assessment_score_get_overdue  (SrmAssessmentScore *self);

G_END_DECLS
