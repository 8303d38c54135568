/* srm-quiz.c: a quiz generated from a catalog.
 *
 * Generation first lists every possible question (a "candidate") in catalog
 * order, then draws from the lists with a GRand seeded by the caller, so the
 * result depends only on the catalog, the count and the seed. The kinds take
 * turns so a short quiz still mixes them. A question's text is its identity:
 * two candidates with the same text (say two layers that both become shared
 * from IaaS to PaaS) would read as the same question to a room, so only one
 * of them is used.
 *
 * Every question is checked against the matrix before it is kept: exactly one
 * choice may be right. A failure there is a bug in this file, not in the
 * catalog, hence g_critical().
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "srm-quiz.h"
#include "srm-quiz-private.h"

#define MAX_CHOICES 4
#define N_KINDS 4

struct _SrmQuiz
{
  GObject parent_instance;

  guint32 seed;
  char *catalog_id;
  guint n_requested;
  GListStore *questions;
};

G_DEFINE_FINAL_TYPE (SrmQuiz, srm_quiz, G_TYPE_OBJECT)

G_DEFINE_QUARK (srm-quiz-error-quark, srm_quiz_error)

static void
srm_quiz_dispose (GObject *object)
{
  SrmQuiz *self = SRM_QUIZ (object);

  g_clear_object (&self->questions);

  G_OBJECT_CLASS (srm_quiz_parent_class)->dispose (object);
}

static void
srm_quiz_finalize (GObject *object)
{
  SrmQuiz *self = SRM_QUIZ (object);

  g_clear_pointer (&self->catalog_id, g_free);

  G_OBJECT_CLASS (srm_quiz_parent_class)->finalize (object);
}

static void
srm_quiz_class_init (SrmQuizClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srm_quiz_dispose;
  object_class->finalize = srm_quiz_finalize;
}

static void
srm_quiz_init (SrmQuiz *self)
{
  self->questions = g_list_store_new (SRM_TYPE_QUIZ_QUESTION);
}

/* ---- the catalog, read ---- */

/* Catalog lists hold their items for the catalog's lifetime, so borrowed
 * pointers are safe while the catalog is alive. */
static gpointer
borrow_item (GListModel *list,
             guint       index)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, index);

  return item;
}

static SrmOwner
owner_of (SrmCatalog      *catalog,
          SrmLayer        *layer,
          SrmServiceModel *model)
{
  SrmOwner owner = SRM_OWNER_CUSTOMER;

  if (!srm_catalog_get_owner (catalog, srm_layer_get_id (layer),
                              srm_service_model_get_id (model), &owner))
    g_critical ("Catalog %s has no cell for %s/%s", srm_catalog_get_id (catalog),
                srm_layer_get_id (layer), srm_service_model_get_id (model));
  return owner;
}

static gboolean
is_always_customer (SrmCatalog *catalog,
                    SrmLayer   *layer)
{
  GListModel *models = srm_catalog_get_models (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      if (owner_of (catalog, layer, borrow_item (models, i)) != SRM_OWNER_CUSTOMER)
        return FALSE;
    }
  return TRUE;
}

/* ---- candidates ---- */

typedef struct {
  SrmQuizKind kind;
  char *text;
  SrmLayer *layer;          /* owner, always-customer, model-change (the right answer) */
  SrmServiceModel *model;   /* owner */
  SrmServiceModel *from;    /* model-change */
  SrmServiceModel *to;
  SrmOwner from_owner;
  SrmOwner to_owner;
  SrmService *service;      /* service-model */
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->text);
  g_free (candidate);
}

static Candidate *
candidate_new (SrmQuizKind  kind,
               char        *text)
{
  Candidate *candidate = g_new0 (Candidate, 1);

  candidate->kind = kind;
  candidate->text = text;
  return candidate;
}

static char *
owner_question_text (SrmLayer        *layer,
                     SrmServiceModel *model)
{
  /* Translators: a quiz question; a layer ("Operating system"), then a
   * service model ("PaaS") */
  return g_strdup_printf (_("Who owns “%s” in %s?"), srm_layer_get_name (layer),
                          srm_service_model_get_short_name (model));
}

static char *
change_question_text (SrmServiceModel *from,
                      SrmServiceModel *to,
                      SrmOwner         from_owner,
                      SrmOwner         to_owner,
                      const char      *provider)
{
  const char *a = srm_service_model_get_short_name (from);
  const char *b = srm_service_model_get_short_name (to);

  /* Translators: quiz questions; two service models ("IaaS", "PaaS") and
   * where a provider is named, its name ("Microsoft") */
  if (from_owner == SRM_OWNER_CUSTOMER && to_owner == SRM_OWNER_PROVIDER)
    return g_strdup_printf (_("Going from %s to %s, which of these layers moves from you to %s?"),
                            a, b, provider);
  if (from_owner == SRM_OWNER_CUSTOMER && to_owner == SRM_OWNER_SHARED)
    return g_strdup_printf (_("Going from %s to %s, which of these layers goes from yours alone to shared?"),
                            a, b);
  if (from_owner == SRM_OWNER_PROVIDER && to_owner == SRM_OWNER_SHARED)
    return g_strdup_printf (_("Going from %s to %s, which of these layers goes from %s alone to shared?"),
                            a, b, provider);
  if (from_owner == SRM_OWNER_SHARED && to_owner == SRM_OWNER_PROVIDER)
    return g_strdup_printf (_("Going from %s to %s, which of these layers moves from shared to %s?"),
                            a, b, provider);
  if (from_owner == SRM_OWNER_SHARED && to_owner == SRM_OWNER_CUSTOMER)
    return g_strdup_printf (_("Going from %s to %s, which of these layers moves from shared to you?"),
                            a, b);
  if (from_owner == SRM_OWNER_PROVIDER && to_owner == SRM_OWNER_CUSTOMER)
    return g_strdup_printf (_("Going from %s to %s, which of these layers moves from %s to you?"),
                            a, b, provider);
  g_return_val_if_reached (NULL);
}

/* Every viable question of each kind, in catalog order; @pools[kind] is a
 * GPtrArray of Candidate. A kind that needs wrong choices only lists questions
 * for which the catalog has at least one. */
static void
list_candidates (SrmCatalog *catalog,
                 GPtrArray  *pools[N_KINDS])
{
  GListModel *layers = srm_catalog_get_layers (catalog);
  GListModel *models = srm_catalog_get_models (catalog);
  GListModel *services = srm_catalog_get_services (catalog);
  const char *provider = srm_catalog_get_provider_name (catalog);
  guint n_layers = g_list_model_get_n_items (layers);
  guint n_models = g_list_model_get_n_items (models);
  guint n_always = 0;

  for (guint i = 0; i < N_KINDS; i++)
    pools[i] = g_ptr_array_new_with_free_func (candidate_free);

  for (guint l = 0; l < n_layers; l++)
    {
      SrmLayer *layer = borrow_item (layers, l);

      for (guint m = 0; m < n_models; m++)
        {
          SrmServiceModel *model = borrow_item (models, m);
          Candidate *candidate = candidate_new (SRM_QUIZ_KIND_OWNER,
                                                owner_question_text (layer, model));

          candidate->layer = layer;
          candidate->model = model;
          g_ptr_array_add (pools[SRM_QUIZ_KIND_OWNER], candidate);
        }

      if (is_always_customer (catalog, layer))
        n_always++;
    }

  if (n_always > 0 && n_always < n_layers)
    {
      for (guint l = 0; l < n_layers; l++)
        {
          SrmLayer *layer = borrow_item (layers, l);
          Candidate *candidate;

          if (!is_always_customer (catalog, layer))
            continue;

          candidate = candidate_new (SRM_QUIZ_KIND_ALWAYS_CUSTOMER,
                                     g_strdup (_("Which of these layers is yours in every service model?")));
          candidate->layer = layer;
          g_ptr_array_add (pools[SRM_QUIZ_KIND_ALWAYS_CUSTOMER], candidate);
        }
    }

  if (n_models >= 2)
    {
      for (guint s = 0; s < g_list_model_get_n_items (services); s++)
        {
          SrmService *service = borrow_item (services, s);
          Candidate *candidate;

          /* Translators: a quiz question; a service, e.g. "Azure App Service" */
          candidate = candidate_new (SRM_QUIZ_KIND_SERVICE_MODEL,
                                     g_strdup_printf (_("Which service model does “%s” follow?"),
                                                      srm_service_get_name (service)));
          candidate->service = service;
          g_ptr_array_add (pools[SRM_QUIZ_KIND_SERVICE_MODEL], candidate);
        }
    }

  for (guint m = 0; m + 1 < n_models; m++)
    {
      SrmServiceModel *from = borrow_item (models, m);
      SrmServiceModel *to = borrow_item (models, m + 1);
      guint n_unchanged = 0;

      for (guint l = 0; l < n_layers; l++)
        {
          SrmLayer *layer = borrow_item (layers, l);

          if (owner_of (catalog, layer, from) == owner_of (catalog, layer, to))
            n_unchanged++;
        }
      if (n_unchanged == 0)
        continue;

      for (guint l = 0; l < n_layers; l++)
        {
          SrmLayer *layer = borrow_item (layers, l);
          SrmOwner a = owner_of (catalog, layer, from);
          SrmOwner b = owner_of (catalog, layer, to);
          Candidate *candidate;

          if (a == b)
            continue;

          candidate = candidate_new (SRM_QUIZ_KIND_MODEL_CHANGE,
                                     change_question_text (from, to, a, b, provider));
          candidate->layer = layer;
          candidate->from = from;
          candidate->to = to;
          candidate->from_owner = a;
          candidate->to_owner = b;
          g_ptr_array_add (pools[SRM_QUIZ_KIND_MODEL_CHANGE], candidate);
        }
    }
}

guint
srm_quiz_count_available (SrmCatalog *catalog)
{
  GPtrArray *pools[N_KINDS];
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_val_if_fail (SRM_IS_CATALOG (catalog), 0);

  list_candidates (catalog, pools);
  for (guint k = 0; k < N_KINDS; k++)
    {
      for (guint i = 0; i < pools[k]->len; i++)
        g_hash_table_add (texts, ((Candidate *) g_ptr_array_index (pools[k], i))->text);
    }
  n = g_hash_table_size (texts);

  g_hash_table_remove_all (texts);
  for (guint k = 0; k < N_KINDS; k++)
    g_ptr_array_unref (pools[k]);
  return n;
}

/* ---- questions ---- */

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

static void
add_sources (SrmCatalog         *catalog,
             GListStore         *store,
             GHashTable         *seen,
             const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SrmSource *source = srm_catalog_lookup_source (catalog, ids[i]);

      if (source != NULL && g_hash_table_add (seen, (gpointer) ids[i]))
        g_list_store_append (store, source);
    }
}

/* Draws up to @max layers for which @wrong says yes, in random order. */
static GPtrArray *
draw_layers (SrmCatalog *catalog,
             Candidate  *candidate,
             gboolean  (*wrong) (SrmCatalog *, Candidate *, SrmLayer *),
             guint       max,
             GRand      *rand)
{
  GListModel *layers = srm_catalog_get_layers (catalog);
  g_autoptr(GPtrArray) pool = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      SrmLayer *layer = borrow_item (layers, i);

      if (wrong (catalog, candidate, layer))
        g_ptr_array_add (pool, layer);
    }

  shuffle (pool, rand);
  if (pool->len > max)
    g_ptr_array_set_size (pool, max);
  return g_steal_pointer (&pool);
}

static gboolean
is_wrong_always_customer (SrmCatalog *catalog,
                          Candidate  *candidate,
                          SrmLayer   *layer)
{
  return !is_always_customer (catalog, layer);
}

static gboolean
is_wrong_change (SrmCatalog *catalog,
                 Candidate  *candidate,
                 SrmLayer   *layer)
{
  /* Only unchanged rows: a row with another change would be arguable in a
   * room even where it is not the change asked about. */
  return owner_of (catalog, layer, candidate->from) == owner_of (catalog, layer, candidate->to);
}

/* Is the choice standing for @choice_id right? Worked out from the catalog
 * again, independently of how the question was built. */
static gboolean
choice_is_right (SrmCatalog      *catalog,
                 SrmQuizKind      kind,
                 const Candidate *candidate,
                 const char      *choice_id)
{
  SrmLayer *layer;
  SrmOwner owner, from_owner, to_owner;

  switch (kind)
    {
    case SRM_QUIZ_KIND_OWNER:
      return srm_catalog_get_owner (catalog, srm_layer_get_id (candidate->layer),
                                    srm_service_model_get_id (candidate->model), &owner) &&
             g_strcmp0 (srm_owner_to_string (owner), choice_id) == 0;
    case SRM_QUIZ_KIND_ALWAYS_CUSTOMER:
      layer = srm_catalog_lookup_layer (catalog, choice_id);
      return layer != NULL && is_always_customer (catalog, layer);
    case SRM_QUIZ_KIND_SERVICE_MODEL:
      return g_strcmp0 (srm_service_get_model_id (candidate->service), choice_id) == 0;
    case SRM_QUIZ_KIND_MODEL_CHANGE:
      return srm_catalog_get_owner (catalog, choice_id, srm_service_model_get_id (candidate->from),
                                    &from_owner) &&
             srm_catalog_get_owner (catalog, choice_id, srm_service_model_get_id (candidate->to),
                                    &to_owner) &&
             from_owner == candidate->from_owner && to_owner == candidate->to_owner;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
contents_are_sound (SrmCatalog                    *catalog,
                    const Candidate               *candidate,
                    const SrmQuizQuestionContents *contents)
{
  guint n_right = 0;

  if (contents->choices->len < 2 || contents->choices->len > MAX_CHOICES)
    return FALSE;

  for (guint i = 0; i < contents->choices->len; i++)
    {
      for (guint j = 0; j < i; j++)
        {
          /* Labels come from the catalog: two layers may share a name. */
          if (g_strcmp0 (g_ptr_array_index (contents->choices, i),
                         g_ptr_array_index (contents->choices, j)) == 0)
            {
              g_debug ("Quiz: skipping “%s”: two choices read the same", contents->text);
              return FALSE;
            }
        }

      if (choice_is_right (catalog, contents->kind, candidate,
                           g_ptr_array_index (contents->choice_ids, i)))
        n_right++;
    }

  if (n_right != 1 || !choice_is_right (catalog, contents->kind, candidate,
                                        g_ptr_array_index (contents->choice_ids, contents->answer)))
    {
      g_critical ("Quiz: “%s” would have %u right choices or a wrong key", contents->text, n_right);
      return FALSE;
    }
  return TRUE;
}

static char *
owner_reason (SrmCatalog      *catalog,
              SrmLayer        *layer,
              SrmServiceModel *model,
              SrmOwner         owner)
{
  const char *model_name = srm_service_model_get_short_name (model);
  const char *layer_name = srm_layer_get_name (layer);
  const char *provider = srm_catalog_get_provider_name (catalog);
  const char *note = srm_layer_get_cell_note (layer, srm_service_model_get_id (model));
  g_autofree char *sentence = NULL;

  switch (owner)
    {
    case SRM_OWNER_CUSTOMER:
      /* Translators: a service model ("PaaS"), a layer ("Operating system") */
      sentence = g_strdup_printf (_("In %s, “%s” is the customer’s."), model_name, layer_name);
      break;
    case SRM_OWNER_PROVIDER:
      /* Translators: a service model, a layer, the provider ("Microsoft") */
      sentence = g_strdup_printf (_("In %s, “%s” is owned by %s."), model_name, layer_name, provider);
      break;
    case SRM_OWNER_SHARED:
    default:
      /* Translators: a service model, a layer, the provider ("Microsoft") */
      sentence = g_strdup_printf (_("In %s, “%s” is shared between the customer and %s."),
                                  model_name, layer_name, provider);
      break;
    }

  if (note != NULL)
    return g_strconcat (sentence, " ", note, NULL);
  return g_steal_pointer (&sentence);
}

static const char *
owner_words (SrmOwner    owner,
             const char *provider)
{
  switch (owner)
    {
    case SRM_OWNER_CUSTOMER:
      return _("the customer’s");
    case SRM_OWNER_PROVIDER:
      return provider;
    case SRM_OWNER_SHARED:
    default:
      return _("shared");
    }
}

/* Builds the question for @candidate, drawing wrong choices and their order
 * from @rand; NULL if it cannot be made sound. */
static SrmQuizQuestion *
build_question (SrmCatalog *catalog,
                Candidate  *candidate,
                GRand      *rand)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) choice_ids = g_ptr_array_new ();
  g_autoptr(GListStore) sources = g_list_store_new (SRM_TYPE_SOURCE);
  g_autoptr(GHashTable) seen_sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) layers = NULL;
  g_autofree char *reason = NULL;
  const char *provider = srm_catalog_get_provider_name (catalog);
  SrmQuizQuestionContents contents = { 0, };
  SrmOwner owner;
  guint i;

  contents.kind = candidate->kind;
  contents.text = candidate->text;
  contents.catalog_id = srm_catalog_get_id (catalog);

  switch (candidate->kind)
    {
    case SRM_QUIZ_KIND_OWNER:
      /* Always the three owners, in the legend's order: the position of the
       * right answer then says nothing. */
      for (SrmOwner o = SRM_OWNER_CUSTOMER; o <= SRM_OWNER_SHARED; o++)
        {
          g_ptr_array_add (choices, g_strdup (srm_owner_get_label (o, provider)));
          g_ptr_array_add (choice_ids, (gpointer) srm_owner_to_string (o));
        }
      owner = owner_of (catalog, candidate->layer, candidate->model);
      contents.answer = (guint) owner;
      contents.layer_id = srm_layer_get_id (candidate->layer);
      contents.layer_name = srm_layer_get_name (candidate->layer);
      contents.model_id = srm_service_model_get_id (candidate->model);
      reason = owner_reason (catalog, candidate->layer, candidate->model, owner);
      add_sources (catalog, sources, seen_sources, srm_catalog_get_matrix_sources (catalog));
      add_sources (catalog, sources, seen_sources, srm_layer_get_sources (candidate->layer));
      break;

    case SRM_QUIZ_KIND_ALWAYS_CUSTOMER:
    case SRM_QUIZ_KIND_MODEL_CHANGE:
      layers = draw_layers (catalog, candidate,
                            candidate->kind == SRM_QUIZ_KIND_ALWAYS_CUSTOMER
                              ? is_wrong_always_customer : is_wrong_change,
                            MAX_CHOICES - 1, rand);
      g_ptr_array_add (layers, candidate->layer);
      shuffle (layers, rand);
      for (i = 0; i < layers->len; i++)
        {
          SrmLayer *layer = g_ptr_array_index (layers, i);

          g_ptr_array_add (choices, g_strdup (srm_layer_get_name (layer)));
          g_ptr_array_add (choice_ids, (gpointer) srm_layer_get_id (layer));
          if (layer == candidate->layer)
            contents.answer = i;
        }
      contents.layer_id = srm_layer_get_id (candidate->layer);
      contents.layer_name = srm_layer_get_name (candidate->layer);
      if (candidate->kind == SRM_QUIZ_KIND_ALWAYS_CUSTOMER)
        {
          /* Translators: a layer ("Information and data") */
          reason = g_strdup_printf (_("“%s” is the customer’s in every column; each of the other "
                                      "layers is owned by %s or shared in at least one."),
                                    contents.layer_name, provider);
        }
      else
        {
          contents.from_model_id = srm_service_model_get_id (candidate->from);
          contents.to_model_id = srm_service_model_get_id (candidate->to);
          /* Translators: a layer, who owns it in one model, the model, who owns
           * it in the next model, that model; e.g. "“Operating system” is the
           * customer’s in IaaS and Microsoft in PaaS; the other choices do not
           * change." */
          reason = g_strdup_printf (_("“%s” is %s in %s and %s in %s; the other choices do not change."),
                                    contents.layer_name,
                                    owner_words (candidate->from_owner, provider),
                                    srm_service_model_get_short_name (candidate->from),
                                    owner_words (candidate->to_owner, provider),
                                    srm_service_model_get_short_name (candidate->to));
        }
      add_sources (catalog, sources, seen_sources, srm_catalog_get_matrix_sources (catalog));
      add_sources (catalog, sources, seen_sources, srm_layer_get_sources (candidate->layer));
      break;

    case SRM_QUIZ_KIND_SERVICE_MODEL:
      {
        GListModel *models = srm_catalog_get_models (catalog);
        const char *model_id = srm_service_get_model_id (candidate->service);
        const char *label = srm_service_get_model_label (candidate->service);
        SrmServiceModel *right = srm_catalog_lookup_model (catalog, model_id);
        g_autoptr(GPtrArray) wrong = g_ptr_array_new ();

        for (i = 0; i < g_list_model_get_n_items (models); i++)
          {
            SrmServiceModel *model = borrow_item (models, i);

            if (model != right)
              g_ptr_array_add (wrong, model);
          }
        shuffle (wrong, rand);
        if (wrong->len > MAX_CHOICES - 1)
          g_ptr_array_set_size (wrong, MAX_CHOICES - 1);

        /* Columns keep the table's order, as a room would read them. */
        for (i = 0; i < g_list_model_get_n_items (models); i++)
          {
            SrmServiceModel *model = borrow_item (models, i);

            if (model != right && !g_ptr_array_find (wrong, model, NULL))
              continue;
            if (model == right)
              contents.answer = choices->len;
            g_ptr_array_add (choices, g_strdup (srm_service_model_get_short_name (model)));
            g_ptr_array_add (choice_ids, (gpointer) srm_service_model_get_id (model));
          }

        contents.service_id = srm_service_get_id (candidate->service);
        contents.model_id = model_id;
        /* Translators: a service, a service model ("PaaS") */
        reason = g_strdup_printf (_("“%s” starts from the %s column."),
                                  srm_service_get_name (candidate->service),
                                  srm_service_model_get_short_name (right));
        if (label != NULL)
          {
            g_autofree char *first = g_steal_pointer (&reason);
            g_autofree char *more = NULL;

            /* Translators: how the catalog qualifies a service's model, e.g.
             * "Managed Kubernetes (between IaaS and PaaS; …)" */
            more = g_strdup_printf (_("The catalog qualifies its model as “%s”."), label);
            reason = g_strconcat (first, " ", more, NULL);
          }
        add_sources (catalog, sources, seen_sources, srm_service_get_sources (candidate->service));
      }
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  contents.reason = reason;
  contents.choices = choices;
  contents.choice_ids = choice_ids;
  contents.sources = sources;

  if (!contents_are_sound (catalog, candidate, &contents))
    return NULL;

  return _srm_quiz_question_new (&contents);
}

SrmQuiz *
srm_quiz_generate (SrmCatalog  *catalog,
                   guint        count,
                   guint32      seed,
                   GError     **error)
{
  g_autoptr(SrmQuiz) self = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GPtrArray) picked = NULL;
  GPtrArray *pools[N_KINDS];
  guint next[N_KINDS] = { 0, };
  guint order[N_KINDS] = { 0, 1, 2, 3 };
  gboolean progress = TRUE;

  g_return_val_if_fail (SRM_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (count == 0)
    {
      g_set_error (error, SRM_QUIZ_ERROR, SRM_QUIZ_ERROR_INVALID_COUNT,
                   _("A quiz needs at least one question"));
      return NULL;
    }

  rand = g_rand_new_with_seed (seed);
  texts = g_hash_table_new (g_str_hash, g_str_equal);
  picked = g_ptr_array_new_with_free_func (g_object_unref);
  list_candidates (catalog, pools);

  for (guint k = 0; k < N_KINDS; k++)
    shuffle (pools[k], rand);
  for (guint k = N_KINDS; k > 1; k--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) k);
      guint tmp = order[k - 1];

      order[k - 1] = order[j];
      order[j] = tmp;
    }

  /* The kinds take turns; a kind whose list runs out drops out. */
  while (picked->len < count && progress)
    {
      progress = FALSE;
      for (guint k = 0; k < N_KINDS && picked->len < count; k++)
        {
          GPtrArray *pool = pools[order[k]];

          while (next[order[k]] < pool->len)
            {
              Candidate *candidate = g_ptr_array_index (pool, next[order[k]]++);
              SrmQuizQuestion *question;

              if (g_hash_table_contains (texts, candidate->text))
                continue;
              question = build_question (catalog, candidate, rand);
              if (question == NULL)
                continue;

              g_hash_table_add (texts, candidate->text);
              g_ptr_array_add (picked, question);
              progress = TRUE;
              break;
            }
        }
    }

  /* Taking turns leaves a pattern (owner, model-change, …); a room should not
   * be able to guess the next kind. */
  shuffle (picked, rand);

  for (guint k = 0; k < N_KINDS; k++)
    g_ptr_array_unref (pools[k]);

  if (picked->len == 0)
    {
      g_set_error (error, SRM_QUIZ_ERROR, SRM_QUIZ_ERROR_NO_QUESTIONS,
                   _("The catalog “%s” has nothing to ask about"), srm_catalog_get_id (catalog));
      return NULL;
    }

  self = g_object_new (SRM_TYPE_QUIZ, NULL);
  self->seed = seed;
  self->catalog_id = g_strdup (srm_catalog_get_id (catalog));
  self->n_requested = count;
  g_list_store_splice (self->questions, 0, 0, picked->pdata, picked->len);

  if (picked->len < count)
    g_debug ("Quiz on %s: %u questions asked, only %u distinct ones possible",
             self->catalog_id, count, picked->len);

  return g_steal_pointer (&self);
}

guint32
srm_quiz_get_seed (SrmQuiz *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ (self), 0);

  return self->seed;
}

const char *
srm_quiz_get_catalog_id (SrmQuiz *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ (self), NULL);

  return self->catalog_id;
}

guint
srm_quiz_get_n_requested (SrmQuiz *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ (self), 0);

  return self->n_requested;
}

GListModel *
srm_quiz_get_questions (SrmQuiz *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ (self), NULL);

  return G_LIST_MODEL (self->questions);
}

guint
srm_quiz_get_n_questions (SrmQuiz *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->questions));
}

SrmQuizQuestion *
srm_quiz_get_question (SrmQuiz *self,
                       guint    index)
{
  g_return_val_if_fail (SRM_IS_QUIZ (self), NULL);

  if (index >= srm_quiz_get_n_questions (self))
    return NULL;
  return borrow_item (G_LIST_MODEL (self->questions), index);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

JsonNode *
srm_quiz_to_json (SrmQuiz *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (SRM_IS_QUIZ (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, self->seed);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);

  for (guint i = 0; i < srm_quiz_get_n_questions (self); i++)
    {
      SrmQuizQuestion *question = srm_quiz_get_question (self, i);
      SrmQuizKind kind = srm_quiz_question_get_kind (question);
      const char * const *choices = srm_quiz_question_get_choices (question);

      json_builder_begin_object (builder);
      add_member (builder, "kind", srm_quiz_kind_to_string (kind));
      add_member (builder, "text", srm_quiz_question_get_text (question));
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      for (guint c = 0; choices[c] != NULL; c++)
        json_builder_add_string_value (builder, choices[c]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "answer");
      json_builder_add_int_value (builder, srm_quiz_question_get_answer (question));
      add_member (builder, "catalog", srm_quiz_question_get_catalog_id (question));

      /* What the question is about: layers by name (as the room saw them),
       * models and services by id. */
      switch (kind)
        {
        case SRM_QUIZ_KIND_OWNER:
          add_member (builder, "layer", srm_quiz_question_get_layer_name (question));
          add_member (builder, "model", srm_quiz_question_get_model_id (question));
          break;
        case SRM_QUIZ_KIND_ALWAYS_CUSTOMER:
          add_member (builder, "layer", srm_quiz_question_get_layer_name (question));
          break;
        case SRM_QUIZ_KIND_SERVICE_MODEL:
          add_member (builder, "service", srm_quiz_question_get_service_id (question));
          add_member (builder, "model", srm_quiz_question_get_model_id (question));
          break;
        case SRM_QUIZ_KIND_MODEL_CHANGE:
          add_member (builder, "layer", srm_quiz_question_get_layer_name (question));
          add_member (builder, "from_model", srm_quiz_question_get_from_model_id (question));
          add_member (builder, "to_model", srm_quiz_question_get_to_model_id (question));
          break;
        default:
          g_assert_not_reached ();
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
