export const TEMPLATE_USAGE = `Usage: berth template <command> [options]

  list [SEARCH] [--category C] [--json]      Built-in, library and catalog templates
  show NAME [--compose] [--json]             A template's description, parameters (and its compose.yaml)
  import SOURCE [--name N] [--overwrite] [--dry-run]
                                             From a file, folder or http(s) URL: Berth templates, compose
                                             files, Portainer lists (v1, 1.20, v2, v3), Panamax .pmx files;
                                             --dry-run says what would be imported or replaced, writes nothing
  import --docker-run 'docker run ...'       A docker run command line as a one-service template
  export NAME [-o FILE | --folder DIR]       A template as one compose.yaml (default: stdout) or a folder
  export --catalog [-o FILE] [--repository URL]
                                             Every template as a Portainer v3 list
  preview NAME [--set KEY=VALUE]... [-p NAME]
                                             The resolved compose file a deploy would use
  deploy NAME [--set KEY=VALUE]... [-p NAME] Deploy as a compose project (then: berth compose ls)
  save PROJECT NAME [--title T]              Save a compose project Berth knows as a library template
  rm NAME                                    Remove a library template
  catalog ls | add URL [--title T] | refresh ID | rm ID
                                             Remote catalogs (Portainer lists), cached for offline use

NAME is a template id (library/app, builtin/wordpress, catalog/team/app) or its last part when that is unique.
Deploy also takes --target compose|stack (stack comes with Swarm support) and --engine E.

Options:
  --data-dir DIR        Berth's data directory
  -h, --help            Show this help`;
