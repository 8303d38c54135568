/* srm-assessment-score.c: the one definition of an assessment's score, its
 * open gaps and what is overdue. The app, the command line and the docs all go
 * through here, so a number means the same thing everywhere.
 */
#include "config.h"

#include "srm-assessment-score.h"

struct _SrmAssessmentScore
{
  GObject parent_instance;

  SrmScoreTally overall;
  GPtrArray    *layer_ids;   /* of char* */
  GArray       *layers;      /* of SrmScoreTally */
  GPtrArray    *service_ids;
  GArray       *services;
  GListStore   *gaps;
  GListStore   *overdue;
};

G_DEFINE_TYPE (SrmAssessmentScore, srm_assessment_score, G_TYPE_OBJECT)

gboolean
srm_score_tally_get_score (const SrmScoreTally *tally,
                           double              *score)
{
  g_return_val_if_fail (tally != NULL, FALSE);

  if (tally->counted == 0)
    return FALSE;
  if (score != NULL)
    *score = tally->points / tally->counted;
  return TRUE;
}

static void
tally_add (SrmScoreTally   *tally,
           SrmAnswerStatus  status)
{
  tally->total++;
  tally->by_status[status]++;

  switch (status)
    {
    case SRM_ANSWER_STATUS_IMPLEMENTED:
      tally->points += 1.0;
      tally->counted++;
      break;
    case SRM_ANSWER_STATUS_IN_PROGRESS:
      tally->points += 0.5;
      tally->counted++;
      break;
    case SRM_ANSWER_STATUS_NOT_STARTED:
    case SRM_ANSWER_STATUS_NOT_ASSESSED:
      tally->counted++;
      break;
    case SRM_ANSWER_STATUS_NOT_APPLICABLE:
    case SRM_ANSWER_STATUS_RISK_ACCEPTED:
    default:
      break;
    }
}

static gboolean
is_gap (SrmAnswerStatus status)
{
  return status != SRM_ANSWER_STATUS_IMPLEMENTED &&
         status != SRM_ANSWER_STATUS_NOT_APPLICABLE &&
         status != SRM_ANSWER_STATUS_RISK_ACCEPTED;
}

static void
srm_assessment_score_finalize (GObject *object)
{
  SrmAssessmentScore *self = SRM_ASSESSMENT_SCORE (object);

  g_clear_pointer (&self->layer_ids, g_ptr_array_unref);
  g_clear_pointer (&self->layers, g_array_unref);
  g_clear_pointer (&self->service_ids, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_array_unref);
  g_clear_object (&self->gaps);
  g_clear_object (&self->overdue);

  G_OBJECT_CLASS (srm_assessment_score_parent_class)->finalize (object);
}

static void
srm_assessment_score_class_init (SrmAssessmentScoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = srm_assessment_score_finalize;
}

static void
srm_assessment_score_init (SrmAssessmentScore *self)
{
  self->layer_ids = g_ptr_array_new_with_free_func (g_free);
  self->layers = g_array_new (FALSE, TRUE, sizeof (SrmScoreTally));
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->services = g_array_new (FALSE, TRUE, sizeof (SrmScoreTally));
  self->gaps = g_list_store_new (SRM_TYPE_ANSWER);
  self->overdue = g_list_store_new (SRM_TYPE_ANSWER);
}

/* The index of @id's bucket, added (in order of first appearance) if new;
 * sort_buckets() puts them in catalog order afterwards. */
static guint
bucket (GHashTable *index_of,
        GPtrArray  *ids,
        GArray     *tallies,
        const char *id)
{
  gpointer found;

  if (g_hash_table_lookup_extended (index_of, id, NULL, &found))
    return GPOINTER_TO_UINT (found);

  g_ptr_array_add (ids, g_strdup (id));
  g_array_set_size (tallies, tallies->len + 1);
  g_hash_table_insert (index_of, (char *) g_ptr_array_index (ids, ids->len - 1),
                       GUINT_TO_POINTER (ids->len - 1));
  return ids->len - 1;
}

typedef struct {
  SrmAnswer *answer;
  guint      layer_rank;
  guint      position;
} Gap;

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const Gap *x = a, *y = b;
  const GDate *dx, *dy;

  if (x->layer_rank != y->layer_rank)
    return x->layer_rank < y->layer_rank ? -1 : 1;

  dx = srm_answer_get_due (x->answer);
  dy = srm_answer_get_due (y->answer);
  if (dx != NULL && dy != NULL)
    {
      int order = g_date_compare (dx, dy);

      if (order != 0)
        return order;
    }
  else if (dx != NULL || dy != NULL)
    return dx != NULL ? -1 : 1;   /* no date last */

  return (x->position > y->position) - (x->position < y->position);
}

/* The catalog's ids, in its order, to seed the buckets with. */
static void
seed_catalog_order (SrmCatalog *catalog,
                    GHashTable *layer_rank,
                    GHashTable *service_rank)
{
  GListModel *layers = srm_catalog_get_layers (catalog);
  GListModel *services = srm_catalog_get_services (catalog);
  guint n;

  n = g_list_model_get_n_items (layers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);

      g_hash_table_insert (layer_rank, g_strdup (srm_layer_get_id (layer)), GUINT_TO_POINTER (i));
    }
  n = g_list_model_get_n_items (services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);

      g_hash_table_insert (service_rank, g_strdup (srm_service_get_id (service)), GUINT_TO_POINTER (i));
    }
}

typedef struct {
  const char *id;
  guint       rank;
  guint       index;
} Order;

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Order *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* Puts the buckets in catalog order (unknown ids after, as they appeared). */
static void
sort_buckets (GPtrArray  *ids,
              GArray     *tallies,
              GHashTable *rank)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (Order), ids->len);
  g_autoptr(GPtrArray) sorted_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) sorted_tallies = g_array_sized_new (FALSE, TRUE, sizeof (SrmScoreTally), ids->len);

  for (guint i = 0; i < ids->len; i++)
    {
      gpointer r;
      Order o = { ids->pdata[i], G_MAXUINT, i };

      if (g_hash_table_lookup_extended (rank, ids->pdata[i], NULL, &r))
        o.rank = GPOINTER_TO_UINT (r);
      g_array_append_val (order, o);
    }
  g_array_sort (order, compare_order);

  for (guint i = 0; i < order->len; i++)
    {
      const Order *o = &g_array_index (order, Order, i);

      g_ptr_array_add (sorted_ids, g_strdup (o->id));
      g_array_append_val (sorted_tallies, g_array_index (tallies, SrmScoreTally, o->index));
    }

  g_ptr_array_set_size (ids, 0);
  for (guint i = 0; i < sorted_ids->len; i++)
    g_ptr_array_add (ids, g_strdup (sorted_ids->pdata[i]));
  g_array_set_size (tallies, 0);
  g_array_append_vals (tallies, sorted_tallies->data, sorted_tallies->len);
}

SrmAssessmentScore *
srm_assessment_score_new (SrmAssessment *assessment,
                          const GDate   *today)
{
  SrmAssessmentScore *self;
  g_autoptr(GHashTable) layer_rank = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) service_rank = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) layer_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) service_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  g_autoptr(GPtrArray) gap_items = NULL;
  g_autoptr(GPtrArray) overdue_items = NULL;
  GListModel *answers;
  guint n, n_known_layers;

  g_return_val_if_fail (SRM_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (SRM_TYPE_ASSESSMENT_SCORE, NULL);

  if (srm_assessment_get_catalog (assessment) != NULL)
    seed_catalog_order (srm_assessment_get_catalog (assessment), layer_rank, service_rank);
  n_known_layers = g_hash_table_size (layer_rank);

  answers = srm_assessment_get_answers (assessment);
  n = g_list_model_get_n_items (answers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmAnswer) answer = g_list_model_get_item (answers, i);
      SrmAnswerStatus status = srm_answer_get_status (answer);
      const char *layer_id = srm_answer_get_layer_id (answer);
      guint l, s;

      if (layer_id == NULL)
        layer_id = "";

      l = bucket (layer_index, self->layer_ids, self->layers, layer_id);
      s = bucket (service_index, self->service_ids, self->services, srm_answer_get_service_id (answer));
      tally_add (&self->overall, status);
      tally_add (&g_array_index (self->layers, SrmScoreTally, l), status);
      tally_add (&g_array_index (self->services, SrmScoreTally, s), status);

      if (is_gap (status))
        {
          Gap gap = { answer, G_MAXUINT, i };
          gpointer rank;

          if (g_hash_table_lookup_extended (layer_rank, layer_id, NULL, &rank))
            gap.layer_rank = GPOINTER_TO_UINT (rank);
          else
            /* Layers the catalog doesn't know sort after its own, by first appearance. */
            gap.layer_rank = n_known_layers + l;
          g_array_append_val (gaps, gap);
        }
    }

  sort_buckets (self->layer_ids, self->layers, layer_rank);
  sort_buckets (self->service_ids, self->services, service_rank);

  g_array_sort (gaps, compare_gaps);
  gap_items = g_ptr_array_sized_new (gaps->len);
  overdue_items = g_ptr_array_new ();
  for (guint i = 0; i < gaps->len; i++)
    {
      SrmAnswer *answer = g_array_index (gaps, Gap, i).answer;
      const GDate *due = srm_answer_get_due (answer);

      g_ptr_array_add (gap_items, answer);
      if (due != NULL && g_date_compare (due, today) < 0)
        g_ptr_array_add (overdue_items, answer);
    }
  g_list_store_splice (self->gaps, 0, 0, gap_items->pdata, gap_items->len);
  g_list_store_splice (self->overdue, 0, 0, overdue_items->pdata, overdue_items->len);

  return self;
}

const SrmScoreTally *
srm_assessment_score_get_overall (SrmAssessmentScore *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), NULL);
  return &self->overall;
}

guint
srm_assessment_score_get_n_layers (SrmAssessmentScore *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), 0);
  return self->layer_ids->len;
}

const char *
srm_assessment_score_get_layer_id (SrmAssessmentScore *self,
                                   guint               index)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), NULL);
  g_return_val_if_fail (index < self->layer_ids->len, NULL);
  return self->layer_ids->pdata[index];
}

const SrmScoreTally *
srm_assessment_score_get_layer (SrmAssessmentScore *self,
                                guint               index)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), NULL);
  g_return_val_if_fail (index < self->layers->len, NULL);
  return &g_array_index (self->layers, SrmScoreTally, index);
}

guint
srm_assessment_score_get_n_services (SrmAssessmentScore *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), 0);
  return self->service_ids->len;
}

const char *
srm_assessment_score_get_service_id (SrmAssessmentScore *self,
                                     guint               index)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), NULL);
  g_return_val_if_fail (index < self->service_ids->len, NULL);
  return self->service_ids->pdata[index];
}

const SrmScoreTally *
srm_assessment_score_get_service (SrmAssessmentScore *self,
                                  guint               index)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), NULL);
  g_return_val_if_fail (index < self->services->len, NULL);
  return &g_array_index (self->services, SrmScoreTally, index);
}

GListModel *
srm_assessment_score_get_gaps (SrmAssessmentScore *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), NULL);
  return G_LIST_MODEL (self->gaps);
}

GListModel *
srm_assessment_score_get_overdue (SrmAssessmentScore *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (self), NULL);
  return G_LIST_MODEL (self->overdue);
}
