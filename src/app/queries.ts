import { queryOptions } from '@tanstack/react-query'
import { loadGraphFromUrl } from '../io/loadGraph'

/** One query per graph URL: the loaded graph lives in the query cache, view state in the store. */
export const graphQuery = (url: string) =>
  queryOptions({
    queryKey: ['graph', url],
    queryFn: ({ signal }) => loadGraphFromUrl(url, undefined, signal),
    staleTime: Infinity,
    retry: false,
  })
