/* bench-startup.c: how long srm-explorer takes to show its first frame, and how
 * much memory it peaks at, as ratios to bench-floor (the least a libadwaita app
 * can do) measured in the same run on the same display.
 *
 *   bench-startup SRM-EXPLORER FLOOR [--runs N]
 *
 * One Xvfb and one session bus serve the whole run. Both programs run with
 * SRM_EXPLORER_EXIT_AFTER_FIRST_FRAME set, so they quit after painting their first
 * frame; wall time is taken from fork to exit, peak RSS and CPU time from
 * wait4()'s rusage, which is why children are forked by hand rather than
 * through GSubprocess (whose child watch would reap them first). Runs alternate between the two programs so
 * drift in the machine's load lands on both; one warm-up run of each is dropped.
 *
 * Prints medians and ratios with PASS/MISS against the targets, never fails on a
 * miss: it exits non-zero only when something could not run.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#define DEFAULT_RUNS     15
#define MIN_RUNS         10
#define CHILD_TIMEOUT_S  30
#define TARGET_TIME      1.15
#define TARGET_MEMORY    1.25

typedef struct {
  const char *name;
  const char *path;
  GArray     *usec;       /* gint64 per run: fork to the first frame painted */
  GArray     *exit_usec;  /* gint64 per run: fork to exit, shutdown included */
  GArray     *cpu_usec;   /* gint64 per run: user + system time */
  GArray     *maxrss_kib; /* long per run */
} Subject;

static volatile sig_atomic_t alarm_rang;
static pid_t xvfb_pid = -1;
static pid_t dbus_pid = -1;

static void
on_alarm (int signum)
{
  alarm_rang = 1;
}

/* Forks @argv with stdin on /dev/null, stdout into @stdout_path and stderr into
 * @stderr_path (NULL: /dev/null), keeping @keep_fd open across exec. Everything
 * the child does between fork and exec is async-signal-safe. */
static pid_t
spawn (char * const *argv,
       char * const *envp,
       const char   *stdout_path,
       const char   *stderr_path,
       int           keep_fd)
{
  const char *out_path = stdout_path != NULL ? stdout_path : "/dev/null";
  const char *err_path = stderr_path != NULL ? stderr_path : "/dev/null";
  pid_t pid = fork ();

  if (pid != 0)
    return pid;

  {
    int null_fd = open ("/dev/null", O_RDWR);
    int out_fd = open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err_fd = open (err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    if (null_fd < 0 || out_fd < 0 || err_fd < 0)
      _exit (126);
    dup2 (null_fd, STDIN_FILENO);
    dup2 (out_fd, STDOUT_FILENO);
    dup2 (err_fd, STDERR_FILENO);
    if (keep_fd >= 0)
      fcntl (keep_fd, F_SETFD, 0);
    if (envp != NULL)
      execve (argv[0], argv, envp);
    else
      execvp (argv[0], argv);
    _exit (127);
  }
}

/* Reads one line from @fd (a server announcing where it listens), then closes it. */
static char *
read_line_and_close (int fd)
{
  GString *line = g_string_new (NULL);
  char c;

  for (;;)
    {
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n')
        break;
      g_string_append_c (line, c);
    }
  close (fd);

  if (line->len == 0)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  return g_string_free (line, FALSE);
}

/* Starts a server that prints its address on the fd named by @fd_arg_format. */
static char *
start_server (const char  *what,
              const char  *fd_arg_format,
              const char **args,
              pid_t       *pid_out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  char *address;
  int fds[2];

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    return NULL;

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, g_strdup_printf (fd_arg_format, fds[1]));
  g_ptr_array_add (argv, NULL);

  *pid_out = spawn ((char * const *) argv->pdata, NULL, NULL, NULL, fds[1]);
  close (fds[1]);
  if (*pid_out < 0)
    {
      close (fds[0]);
      g_printerr ("bench-startup: cannot fork %s: %s\n", what, g_strerror (errno));
      return NULL;
    }

  address = read_line_and_close (fds[0]);
  if (address == NULL)
    g_printerr ("bench-startup: %s did not start (is it installed?)\n", what);
  return address;
}

static void
stop_server (pid_t *pid)
{
  if (*pid <= 0)
    return;
  kill (*pid, SIGTERM);
  waitpid (*pid, NULL, 0);
  *pid = -1;
}

static void
stop_servers (void)
{
  stop_server (&xvfb_pid);
  stop_server (&dbus_pid);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

/* Runs @subject once with its XDG homes in a fresh empty directory; adds the
 * sample unless @keep is FALSE (the warm-up). */
static gboolean
run_once (Subject     *subject,
          char       **envp_template,
          const char  *tmpdir,
          guint        index,
          gboolean     keep)
{
  g_autofree char *home = g_strdup_printf ("%s/%s-%u", tmpdir, subject->name, index);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *log_path = g_build_filename (tmpdir, "stderr.log", NULL);
  g_autofree char *out_path = g_build_filename (tmpdir, "stdout.log", NULL);
  g_autofree char *out = NULL;
  const char *mark;
  g_auto(GStrv) envp = g_strdupv (envp_template);
  char *argv[] = { (char *) subject->path, NULL };
  struct rusage usage;
  gint64 start, elapsed, first_frame, cpu;
  long maxrss;
  int status = 0;
  pid_t pid, waited;

  if (g_mkdir_with_parents (data_home, 0700) != 0 || g_mkdir_with_parents (config_home, 0700) != 0)
    {
      g_printerr ("bench-startup: cannot create %s: %s\n", home, g_strerror (errno));
      return FALSE;
    }
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config_home, TRUE);

  alarm_rang = 0;
  start = g_get_monotonic_time ();
  pid = spawn (argv, envp, out_path, log_path, -1);
  if (pid < 0)
    {
      g_printerr ("bench-startup: cannot fork: %s\n", g_strerror (errno));
      return FALSE;
    }
  alarm (CHILD_TIMEOUT_S);
  while ((waited = wait4 (pid, &status, 0, &usage)) < 0 && errno == EINTR)
    {
      if (alarm_rang)
        kill (pid, SIGKILL);
    }
  elapsed = g_get_monotonic_time () - start;
  alarm (0);

  if (waited < 0 || alarm_rang || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *log = NULL;

      if (alarm_rang)
        g_printerr ("bench-startup: %s did not exit within %d s\n", subject->path, CHILD_TIMEOUT_S);
      else if (waited >= 0 && WIFSIGNALED (status))
        g_printerr ("bench-startup: %s was killed by signal %d\n", subject->path, WTERMSIG (status));
      else
        g_printerr ("bench-startup: %s exited with status %d\n", subject->path,
                    waited >= 0 ? WEXITSTATUS (status) : -1);
      if (g_file_get_contents (log_path, &log, NULL, NULL) && log[0] != '\0')
        g_printerr ("---- its stderr ----\n%s--------------------\n", log);
      return FALSE;
    }

  /* The child prints the monotonic time of its first painted frame: the clock
   * is the same in every process, so that minus our fork time is its start-up,
   * without the shutdown that the exit also waits for. */
  if (!g_file_get_contents (out_path, &out, NULL, NULL)
      || (mark = strstr (out, "first-frame-monotonic-usec ")) == NULL)
    {
      g_printerr ("bench-startup: %s exited without reporting its first frame\n", subject->path);
      return FALSE;
    }
  first_frame = g_ascii_strtoll (mark + strlen ("first-frame-monotonic-usec "), NULL, 10) - start;
  if (first_frame <= 0 || first_frame > elapsed)
    {
      g_printerr ("bench-startup: %s reported a first frame outside its run\n", subject->path);
      return FALSE;
    }

  maxrss = usage.ru_maxrss;
  cpu = (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
        + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
  if (keep)
    {
      g_array_append_val (subject->usec, first_frame);
      g_array_append_val (subject->exit_usec, elapsed);
      g_array_append_val (subject->cpu_usec, cpu);
      g_array_append_val (subject->maxrss_kib, maxrss);
    }
  remove_tree (home);
  return TRUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct {
  double median, min, max;
} Stats;

static Stats
stats_of (const double *values,
          guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));
  Stats stats;

  qsort (sorted, n, sizeof (double), compare_double);
  stats.min = sorted[0];
  stats.max = sorted[n - 1];
  stats.median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return stats;
}

static Stats
usec_stats_ms (GArray *usec)
{
  guint n = usec->len;
  g_autofree double *ms = g_new (double, n);

  for (guint i = 0; i < n; i++)
    ms[i] = g_array_index (usec, gint64, i) / 1000.0;
  return stats_of (ms, n);
}

static Stats
memory_stats_mib (Subject *subject)
{
  guint n = subject->maxrss_kib->len;
  g_autofree double *mib = g_new (double, n);

  for (guint i = 0; i < n; i++)
    mib[i] = g_array_index (subject->maxrss_kib, long, i) / 1024.0;
  return stats_of (mib, n);
}

static void
print_ratio (const char *what,
             double      ratio,
             double      target)
{
  g_print ("%-22s %6.3fx   target <= %.2fx   %s\n", what, ratio, target,
           ratio <= target ? "PASS" : "MISS");
}

int
main (int   argc,
      char *argv[])
{
  const char *xvfb_args[] = { "Xvfb", "-screen", "0", "1920x1080x24", "-nolisten", "tcp",
                              "-displayfd", NULL };
  const char *dbus_args[] = { "dbus-daemon", "--session", "--nofork", NULL };
  g_autofree char *tmpdir = NULL;
  g_autofree char *display = NULL;
  g_autofree char *bus_address = NULL;
  g_autofree char *schema_dir = NULL;
  g_auto(GStrv) envp = NULL;
  Subject subjects[2] = {
    { "srm-explorer", NULL, NULL, NULL, NULL, NULL },
    { "floor", NULL, NULL, NULL, NULL, NULL },
  };
  struct sigaction action = { 0 };
  Stats app_time, floor_time, app_exit, floor_exit, app_cpu, floor_cpu, app_memory, floor_memory;
  int runs = DEFAULT_RUNS;
  int exit_status = EXIT_FAILURE;

  if (argc != 3 && !(argc == 5 && g_str_equal (argv[3], "--runs")))
    {
      g_printerr ("usage: %s SRM-EXPLORER FLOOR [--runs N]\n", argv[0]);
      return 2;
    }
  subjects[0].path = argv[1];
  subjects[1].path = argv[2];
  if (argc == 5)
    runs = atoi (argv[4]);
  else if (g_getenv ("SRM_BENCH_RUNS") != NULL)
    runs = atoi (g_getenv ("SRM_BENCH_RUNS"));
  if (runs < MIN_RUNS)
    runs = MIN_RUNS;

  /* Schemas come from the build tree, as with ./dev run. */
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    schema_dir = g_strdup (g_getenv ("GSETTINGS_SCHEMA_DIR"));
  else
    {
      g_autofree char *bindir = g_path_get_dirname (subjects[0].path);
      schema_dir = g_build_filename (bindir, "..", "data", NULL);
    }

  action.sa_handler = on_alarm;  /* no SA_RESTART: the alarm must interrupt wait4() */
  sigemptyset (&action.sa_mask);
  sigaction (SIGALRM, &action, NULL);

  tmpdir = g_dir_make_tmp ("srm-bench-startup-XXXXXX", NULL);
  if (tmpdir == NULL)
    {
      g_printerr ("bench-startup: cannot create a temporary directory\n");
      return EXIT_FAILURE;
    }

  display = start_server ("Xvfb", "%d", xvfb_args, &xvfb_pid);
  if (display == NULL)
    goto out;
  bus_address = start_server ("dbus-daemon", "--print-address=%d", dbus_args, &dbus_pid);
  if (bus_address == NULL)
    goto out;

  envp = g_get_environ ();
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "G_MESSAGES_DEBUG");
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  {
    g_autofree char *x_display = g_strdup_printf (":%s", display);
    const char *vars[][2] = {
      { "DISPLAY", x_display },
      { "GDK_BACKEND", "x11" },
      { "DBUS_SESSION_BUS_ADDRESS", bus_address },
      { "GSETTINGS_BACKEND", "memory" },
      { "GSETTINGS_SCHEMA_DIR", schema_dir },
      { "NO_AT_BRIDGE", "1" },
      { "GTK_A11Y", "none" },
      { "SRM_EXPLORER_EXIT_AFTER_FIRST_FRAME", "1" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
      envp = g_environ_setenv (envp, vars[i][0], vars[i][1], TRUE);
  }

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      subjects[s].usec = g_array_new (FALSE, FALSE, sizeof (gint64));
      subjects[s].exit_usec = g_array_new (FALSE, FALSE, sizeof (gint64));
      subjects[s].cpu_usec = g_array_new (FALSE, FALSE, sizeof (gint64));
      subjects[s].maxrss_kib = g_array_new (FALSE, FALSE, sizeof (long));
      if (!run_once (&subjects[s], envp, tmpdir, 0, FALSE))
        goto out;
    }

  /* Alternate, and swap who goes first every round, so neither always runs
   * right after the other has warmed (or evicted) the caches. */
  for (int round = 0; round < runs; round++)
    for (guint k = 0; k < G_N_ELEMENTS (subjects); k++)
      {
        Subject *subject = &subjects[(k + round) % G_N_ELEMENTS (subjects)];

        if (!run_once (subject, envp, tmpdir, round + 1, TRUE))
          goto out;
      }

  app_time = usec_stats_ms (subjects[0].usec);
  floor_time = usec_stats_ms (subjects[1].usec);
  app_exit = usec_stats_ms (subjects[0].exit_usec);
  floor_exit = usec_stats_ms (subjects[1].exit_usec);
  app_cpu = usec_stats_ms (subjects[0].cpu_usec);
  floor_cpu = usec_stats_ms (subjects[1].cpu_usec);
  app_memory = memory_stats_mib (&subjects[0]);
  floor_memory = memory_stats_mib (&subjects[1]);

  g_print ("Start-up to first frame: %d runs of each, alternating, after one warm-up each;\n"
           "Xvfb 1920x1080x24 on :%s, one session bus, GSettings in memory.\n\n",
           runs, display);
  g_print ("%-22s %10s %10s %10s\n", "", "median", "min", "max");
  g_print ("%-22s %7.1f ms %7.1f ms %7.1f ms\n", "time srm-explorer",
           app_time.median, app_time.min, app_time.max);
  g_print ("%-22s %7.1f ms %7.1f ms %7.1f ms\n", "time floor",
           floor_time.median, floor_time.min, floor_time.max);
  g_print ("%-22s %7.1f ms %7.1f ms %7.1f ms\n", "to exit srm-explorer",
           app_exit.median, app_exit.min, app_exit.max);
  g_print ("%-22s %7.1f ms %7.1f ms %7.1f ms\n", "to exit floor",
           floor_exit.median, floor_exit.min, floor_exit.max);
  g_print ("%-22s %7.1f ms %7.1f ms %7.1f ms\n", "CPU srm-explorer",
           app_cpu.median, app_cpu.min, app_cpu.max);
  g_print ("%-22s %7.1f ms %7.1f ms %7.1f ms\n", "CPU floor",
           floor_cpu.median, floor_cpu.min, floor_cpu.max);
  g_print ("%-22s %6.1f MiB %6.1f MiB %6.1f MiB\n", "peak RSS srm-explorer",
           app_memory.median, app_memory.min, app_memory.max);
  g_print ("%-22s %6.1f MiB %6.1f MiB %6.1f MiB\n\n", "peak RSS floor",
           floor_memory.median, floor_memory.min, floor_memory.max);
  print_ratio ("first frame / floor", app_time.median / floor_time.median, TARGET_TIME);
  print_ratio ("peak RSS / floor", app_memory.median / floor_memory.median, TARGET_MEMORY);
  /* No target: CPU time barely moves when the machine is busy, wall time does,
   * so this tells a slower app from a noisier run. */
  g_print ("%-22s %6.3fx\n", "CPU time / floor", app_cpu.median / floor_cpu.median);
  /* No target either: the issue times start-up, but a slow shutdown would show here. */
  g_print ("%-22s %6.3fx\n", "to exit / floor", app_exit.median / floor_exit.median);
  exit_status = EXIT_SUCCESS;

out:
  stop_servers ();
  remove_tree (tmpdir);
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      g_clear_pointer (&subjects[s].usec, g_array_unref);
      g_clear_pointer (&subjects[s].exit_usec, g_array_unref);
      g_clear_pointer (&subjects[s].cpu_usec, g_array_unref);
      g_clear_pointer (&subjects[s].maxrss_kib, g_array_unref);
    }
  return exit_status;
}
